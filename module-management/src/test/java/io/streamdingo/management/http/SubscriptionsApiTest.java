package io.streamdingo.management.http;

import static io.streamdingo.management.http.ManagementFixture.ADMIN;
import static io.streamdingo.management.http.ManagementFixture.VIEWER;
import static io.streamdingo.management.http.ManagementFixture.drain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.EventConsumer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /subscriptions}: positions, lag and consumers; resetting and removing positions. */
class SubscriptionsApiTest {

    private final ManagementFixture app = new ManagementFixture();

    @AfterEach
    void close() {
        app.close();
    }

    private ApiAnswer reset(String key, String body) {
        return app.call(ADMIN, "PUT", "/subscriptions/news/positions/" + key, Map.of(), body);
    }

    @Test
    void theListShowsEachSubscriptionWithModeSemanticsPositionsAndLag() {
        EventConsumer screen = app.subscriptions.subscribe("news", "screen");
        app.append("o-1", 1, 2, 3);
        screen.poll(java.time.Duration.ZERO).orElseThrow().ack();

        JsonNode list = app.body(app.call(VIEWER, "GET", "/subscriptions"));

        assertThat(list.get("items").findValuesAsText("name")).containsExactly("billing", "news", "radar");
        JsonNode news = list.get("items").get(1);
        assertThat(news.get("mode").asText()).isEqualTo("BROADCAST");
        assertThat(news.get("semantics").asText()).isEqualTo("AT_LEAST_ONCE");
        assertThat(news.get("positions").get(0).get("consumerKey").asText()).isEqualTo("screen");
        assertThat(news.get("lag").asLong()).isEqualTo(2);
    }

    @Test
    void theConsumersRunningHereShowWithStateAndLastProgress() {
        Instant progress = Instant.parse("2030-01-01T11:59:00Z");
        ManagementApi api = new ManagementApi(
                app.engine.store(),
                app.topology,
                app.subscriptions,
                () -> List.of(new ConsumerStatus(
                        "billing",
                        "Billing.bill",
                        List.of("Billing.bill"),
                        ConsumerStatus.State.RUNNING,
                        progress,
                        null,
                        0,
                        null)),
                app.engine.schemas());

        JsonNode billing = app.json.valueToTree(
                api.handle(new ApiCall("GET", ApiCall.segments("/subscriptions/billing"), Map.of(), "", VIEWER))
                        .body());

        assertThat(billing.get("consumers").get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(billing.get("consumers").get(0).get("lastProgress").asText()).isEqualTo(progress.toString());
    }

    @Test
    void anUnknownSubscriptionIs404() {
        assertThat(app.call(VIEWER, "GET", "/subscriptions/nope").status()).isEqualTo(404);
        assertThat(app.call(ADMIN, "DELETE", "/subscriptions/nope/positions/x").status())
                .isEqualTo(404);
    }

    @Test
    void resettingToAPositionMakesTheConsumerReceiveTheEventsAfterItAgain() {
        EventConsumer screen = app.subscriptions.subscribe("news", "screen");
        List<RecordedEvent> events = app.append("o-1", 1, 2, 3);
        assertThat(drain(screen)).containsExactly(1, 2, 3);

        ApiAnswer answer = reset("screen", "{\"position\": " + events.get(0).globalPosition() + "}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(app.body(answer).get("lag").asLong()).isEqualTo(2);
        assertThat(drain(screen)).containsExactly(2, 3);
    }

    @Test
    void resettingToAnInstantMakesTheConsumerReceiveTheEventsRecordedFromThen() {
        EventConsumer screen = app.subscriptions.subscribe("news", "screen");
        List<RecordedEvent> events = app.append("o-1", 1, 2, 3);
        drain(screen);

        ApiAnswer answer = reset("screen", "{\"time\": \"" + events.get(1).recordedAt() + "\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(drain(screen)).containsExactly(2, 3);
    }

    @Test
    void aResetNeedsExactlyOneOfPositionAndTime() {
        app.subscriptions.subscribe("news", "screen");

        for (String body : List.of("{}", "{\"position\": 1, \"time\": \"2030-01-01T00:00:00Z\"}")) {
            ApiAnswer answer = reset("screen", body);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(app.body(answer).get("field").asText()).isEqualTo("position");
        }
    }

    @Test
    void aBadPositionTimeOrBodyIs400NamingIt() {
        app.subscriptions.subscribe("news", "screen");

        assertThat(app.body(reset("screen", "{\"position\": -1}")).get("field").asText())
                .isEqualTo("position");
        assertThat(app.body(reset("screen", "{\"position\": 1.5}")).get("field").asText())
                .isEqualTo("position");
        assertThat(app.body(reset("screen", "{\"time\": \"yesterday\"}"))
                        .get("field")
                        .asText())
                .isEqualTo("time");
        assertThat(app.body(reset("screen", "{\"time\": 12}")).get("field").asText())
                .isEqualTo("time");
        assertThat(app.body(reset("screen", "{not json")).get("field").asText()).isEqualTo("body");
        assertThat(app.body(reset("screen", "[1]")).get("field").asText()).isEqualTo("body");
    }

    @Test
    void resettingAKeyWithoutAPositionIs404SoATypoCreatesNothing() {
        ApiAnswer answer = reset("typo", "{\"position\": 0}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(app.subscriptions.positions("news")).isEmpty();
    }

    @Test
    void aRetiredConsumersPositionIsRemoved() {
        EventConsumer retired = app.subscriptions.subscribe("news", "retired");
        app.append("o-1", 1);
        drain(retired);
        retired.close();

        ApiAnswer answer = app.call(ADMIN, "DELETE", "/subscriptions/news/positions/retired");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(app.subscriptions.positions("news")).isEmpty();
    }

    @Test
    void aConnectedConsumersPositionIsNotRemoved() {
        EventConsumer connected = app.subscriptions.subscribe("news", "connected");
        app.append("o-1", 1);
        drain(connected);

        ApiAnswer answer = app.call(ADMIN, "DELETE", "/subscriptions/news/positions/connected");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(app.subscriptions.positions("news")).hasSize(1);
    }
}
