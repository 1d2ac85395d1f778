package io.streamdingo.management.http;

import static io.streamdingo.management.http.ManagementFixture.ADMIN;
import static io.streamdingo.management.http.ManagementFixture.VIEWER;
import static io.streamdingo.management.http.ManagementFixture.drain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.NackAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /subscriptions/{name}/dead-letters}: inspected without payload, replayed, deleted. */
class DeadLettersApiTest {

    private final ManagementFixture app = new ManagementFixture();
    private EventConsumer screen;

    @BeforeEach
    void oneEventIsDeadLettered() {
        screen = app.subscriptions.subscribe("news", "screen");
        app.append("o-1", 7);
        screen.poll(Duration.ZERO).orElseThrow().nack(NackAction.DEAD_LETTER);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private String letterId() {
        return app.subscriptions.deadLetters("news").get(0).id().toString();
    }

    @Test
    void theListShowsEachLetterWithItsEventsMetadataButNotItsPayload() {
        JsonNode list = app.body(app.call(VIEWER, "GET", "/subscriptions/news/dead-letters"));

        JsonNode letter = list.get("items").get(0);
        assertThat(letter.get("id").asText()).isEqualTo(letterId());
        assertThat(letter.get("event").get("type").asText()).isEqualTo("tck.ItemAdded");
        assertThat(letter.get("event").get("streamId").asText()).isEqualTo("o-1");
        assertThat(letter.get("event").has("payload")).isFalse();
    }

    @Test
    void onlyAnAdminReadsThePayload() {
        Map<String, List<String>> withPayload = Map.of("payload", List.of("true"));
        String path = "/subscriptions/news/dead-letters/" + letterId();

        ApiAnswer viewer = app.call(VIEWER, "GET", path, withPayload, "");
        ApiAnswer admin = app.call(ADMIN, "GET", path, withPayload, "");

        assertThat(viewer.status()).isEqualTo(403);
        assertThat(app.body(admin).get("event").get("payload").get("quantity").asInt())
                .isEqualTo(7);
    }

    @Test
    void aReplayedLetterIsDeliveredAgainAndLeavesOnceSettled() {
        ApiAnswer answer = app.call(ADMIN, "POST", "/subscriptions/news/dead-letters/" + letterId() + "/replay");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(drain(screen)).containsExactly(7);
        assertThat(app.subscriptions.deadLetters("news")).isEmpty();
    }

    @Test
    void replayingAllCountsThem() {
        JsonNode answer = app.body(app.call(ADMIN, "POST", "/subscriptions/news/dead-letters/replay"));

        assertThat(answer.get("replayed").asInt()).isEqualTo(1);
        assertThat(drain(screen)).containsExactly(7);
    }

    @Test
    void aDeletedLetterIsGone() {
        String id = letterId();

        ApiAnswer deleted = app.call(ADMIN, "DELETE", "/subscriptions/news/dead-letters/" + id);
        ApiAnswer again = app.call(ADMIN, "DELETE", "/subscriptions/news/dead-letters/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(app.call(VIEWER, "GET", "/subscriptions/news/dead-letters/" + id)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anIdThatIsNoUuidIs400NamingTheId() {
        ApiAnswer answer = app.call(ADMIN, "DELETE", "/subscriptions/news/dead-letters/..%2F..%2Fetc");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(app.body(answer).get("field").asText()).isEqualTo("id");
    }

    @Test
    void aViewerCannotReplayOrDelete() {
        assertThat(app.call(VIEWER, "POST", "/subscriptions/news/dead-letters/" + letterId() + "/replay")
                        .status())
                .isEqualTo(403);
        assertThat(app.call(VIEWER, "DELETE", "/subscriptions/news/dead-letters/" + letterId())
                        .status())
                .isEqualTo(403);
        assertThat(app.subscriptions.deadLetters("news")).hasSize(1);
    }
}
