package io.streamdingo.management.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API's keys have safe defaults, and a bad value fails naming its key. */
class ManagementSettingsTest {

    private static ManagementSettings with(Map<String, String> values) {
        return ManagementSettings.of(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void withoutKeysTheApiIsOnAtStreamdingoWithBoundedFeeds() {
        ManagementSettings settings = with(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.root()).isEqualTo("/streamdingo");
        assertThat(settings.maxFeedClients()).isEqualTo(50);
        assertThat(settings.feedPollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.feed().slowClientTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachKeyIsRead() {
        ManagementSettings settings = with(Map.of(
                "streamdingo.management.enabled", "false",
                "streamdingo.management.root", "/ops/events",
                "streamdingo.management.feed.max-clients", "3",
                "streamdingo.management.feed.batch", "10",
                "streamdingo.management.feed.keep-alive", "PT5S"));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.root()).isEqualTo("/ops/events");
        assertThat(settings.maxFeedClients()).isEqualTo(3);
        assertThat(settings.feed().batch()).isEqualTo(10);
        assertThat(settings.feed().keepAlive()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRootThatIsNoPlainPathFailsNamingTheKey() {
        for (String root : new String[] {"streamdingo", "/streamdingo/", "/a/*", "/a b"}) {
            assertThatThrownBy(() -> with(Map.of("streamdingo.management.root", root)))
                    .hasMessageContaining("streamdingo.management.root");
        }
    }

    @Test
    void aBadNumberOrDurationFailsNamingTheKey() {
        assertThatThrownBy(() -> with(Map.of("streamdingo.management.feed.max-clients", "0")))
                .hasMessageContaining("streamdingo.management.feed.max-clients");
        assertThatThrownBy(() -> with(Map.of("streamdingo.management.feed.poll-interval", "soon")))
                .hasMessageContaining("streamdingo.management.feed.poll-interval");
    }
}
