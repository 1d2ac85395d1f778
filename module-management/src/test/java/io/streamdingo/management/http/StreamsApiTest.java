package io.streamdingo.management.http;

import static io.streamdingo.management.http.ManagementFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /streams}: categories, a category's streams page by page, one stream, its verification. */
class StreamsApiTest {

    private final ManagementFixture app = new ManagementFixture();

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theCatalogListsDeclaredCategoriesWithTheirStreamAndEventCountsAndTheHeadPosition() {
        app.append("o-1", 1, 2);
        app.append("o-2", 3);

        JsonNode catalog = app.body(app.call(VIEWER, "GET", "/streams"));

        assertThat(catalog.get("headPosition").asLong())
                .isEqualTo(app.engine.store().headPosition());
        assertThat(catalog.get("categories").findValuesAsText("category")).containsExactly("orders", "pings");
        assertThat(catalog.get("categories").get(0).get("streams").asLong()).isEqualTo(2);
        assertThat(catalog.get("categories").get(0).get("events").asLong()).isEqualTo(3);
        assertThat(catalog.get("categories").get(1).has("streams"))
                .as("an ephemeral category keeps no streams here")
                .isFalse();
        assertThat(catalog.get("categories").get(1).has("events")).isFalse();
    }

    @Test
    void aCategorysStreamsComeAPageAtATimeWithACursorToTheNext() {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            app.append(id, 1);
        }

        JsonNode first = app.body(app.call(VIEWER, "GET", "/streams/orders", Map.of("limit", List.of("2")), ""));
        JsonNode second = app.body(app.call(
                VIEWER,
                "GET",
                "/streams/orders",
                Map.of("limit", List.of("2"), "after", List.of(first.get("next").asText())),
                ""));
        JsonNode last = app.body(app.call(
                VIEWER,
                "GET",
                "/streams/orders",
                Map.of("after", List.of(second.get("next").asText())),
                ""));

        assertThat(first.get("items").findValuesAsText("id")).containsExactly("a", "b");
        assertThat(second.get("items").findValuesAsText("id")).containsExactly("c", "d");
        assertThat(last.get("items").findValuesAsText("id")).containsExactly("e");
        assertThat(last.has("next")).isFalse();
    }

    @Test
    void aStreamIdHoldingSlashPercentDotsSpacesAndLettersIsAddressedByItsEncodedSegment() {
        String id = "a/b%c .. dé";
        app.engine
                .store()
                .append(
                        StreamId.of("orders", id),
                        ExpectedVersion.noStream(),
                        List.of(NewEvent.of(new ItemAdded("x", 1)), NewEvent.of(new ItemAdded("x", 2))));

        JsonNode stream = app.body(app.call(VIEWER, "GET", "/streams/orders/a%2Fb%25c%20..%20d%C3%A9"));
        JsonNode verification =
                app.body(app.call(VIEWER, "GET", "/streams/orders/a%2Fb%25c%20..%20d%C3%A9/verification"));

        assertThat(stream.get("id").asText()).isEqualTo(id);
        assertThat(stream.get("version").asLong()).isEqualTo(2);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsChecked").asLong()).isEqualTo(2);
        assertThat(verification.get("lastHash").asText()).hasSize(64);
    }

    @Test
    void aStreamNeverWrittenIs404() {
        assertThat(app.call(VIEWER, "GET", "/streams/orders/nobody").status()).isEqualTo(404);
        assertThat(app.call(VIEWER, "GET", "/streams/orders/nobody/verification")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCategoryBreakingTheRulesIs400NamingTheCategory() {
        ApiAnswer answer = app.call(VIEWER, "GET", "/streams/9%3Bdrop");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(app.body(answer).get("field").asText()).isEqualTo("category");
    }

    @Test
    void anIdWithALineBreakIs400NamingTheId() {
        ApiAnswer answer = app.call(VIEWER, "GET", "/streams/orders/a%0Ab");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(app.body(answer).get("field").asText()).isEqualTo("id");
    }

    @Test
    void aLimitOutsideOneTo500Is400NamingTheLimit() {
        for (String limit : List.of("0", "501", "ten")) {
            ApiAnswer answer = app.call(VIEWER, "GET", "/streams/orders", Map.of("limit", List.of(limit)), "");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(app.body(answer).get("field").asText()).isEqualTo("limit");
        }
    }
}
