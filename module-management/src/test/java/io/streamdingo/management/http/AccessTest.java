package io.streamdingo.management.http;

import static io.streamdingo.management.http.ManagementFixture.ADMIN;
import static io.streamdingo.management.http.ManagementFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads need a viewer or an admin, changes an admin; refusals are problem documents. */
class AccessTest {

    private final ManagementFixture app = new ManagementFixture();

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aCallerWhoDidNotLogInGets401WithABasicChallenge() {
        ApiAnswer answer = app.call(Caller.ANONYMOUS, "GET", "/streams");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.headers()).containsKey("WWW-Authenticate");
    }

    @Test
    void aLoggedInUserWithoutARoleGets403() {
        ApiAnswer answer = app.call(new Caller("mallory", false, false), "GET", "/streams");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(app.body(answer).get("detail").asText()).contains("streamdingo-viewer");
    }

    @Test
    void aViewerReadsButCannotChangeAnything() {
        app.append("o-1", 1);
        app.drain(app.subscriptions.subscribe("news", "screen"));

        ApiAnswer read = app.call(VIEWER, "GET", "/subscriptions/news");
        ApiAnswer reset =
                app.call(VIEWER, "PUT", "/subscriptions/news/positions/screen", Map.of(), "{\"position\": 0}");

        assertThat(read.status()).isEqualTo(200);
        assertThat(reset.status()).isEqualTo(403);
        assertThat(app.body(reset).get("detail").asText())
                .isEqualTo("resetting a position needs the role" + " streamdingo-admin");
    }

    @Test
    void anAdminReadsToo() {
        assertThat(app.call(ADMIN, "GET", "/streams").status()).isEqualTo(200);
    }

    @Test
    void theCallerLearnsTheirNameAndRolesSoTheDashboardCanOfferOnlyWhatTheyMayDo() {
        JsonNode viewer = app.body(app.call(VIEWER, "GET", "/caller"));
        JsonNode admin = app.body(app.call(ADMIN, "GET", "/caller"));

        assertThat(viewer.get("name").asText()).isEqualTo("observer");
        assertThat(viewer.get("roles").toString()).isEqualTo("[\"streamdingo-viewer\"]");
        assertThat(viewer.get("admin").asBoolean()).isFalse();
        assertThat(admin.get("roles").toString()).isEqualTo("[\"streamdingo-admin\"]");
        assertThat(admin.get("admin").asBoolean()).isTrue();
    }

    @Test
    void anUnknownAddressIs404AndSaysWhereToStart() {
        ApiAnswer answer = app.call(VIEWER, "GET", "/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(app.body(answer).get("detail").asText()).contains("GET /streams");
    }

    @Test
    void aMethodAnAddressDoesNotTakeIs405NamingTheOnesItTakes() {
        ApiAnswer answer = app.call(ADMIN, "POST", "/streams", Map.of(), "{}");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(app.body(answer).get("detail").asText()).contains("use GET");
    }

    @Test
    void aProblemDocumentFollowsRfc9457() {
        ApiAnswer answer = app.call(VIEWER, "GET", "/streams/orders", Map.of("limit", List.of("0")), "");

        assertThat(app.body(answer).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "field");
        assertThat(app.body(answer).get("status").asInt()).isEqualTo(400);
    }
}
