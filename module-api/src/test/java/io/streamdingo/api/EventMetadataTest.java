package io.streamdingo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

    @Test
    void withersChangeOneFieldAndKeepTheOthers() {
        EventMetadata metadata =
                EventMetadata.empty().withCorrelationId("c").withTenantId("t").withHeader("h", "1");

        EventMetadata changed = metadata.withUserId("u");

        assertThat(changed).isEqualTo(new EventMetadata("c", null, "u", "t", null, Map.of("h", "1")));
        assertThat(metadata.userId()).isNull();
    }

    @Test
    void headersAreCopiedAndCannotBeChangedAfterwards() {
        Map<String, String> headers = new HashMap<>(Map.of("a", "1"));
        EventMetadata metadata = new EventMetadata(null, null, null, null, null, headers);

        headers.put("b", "2");

        assertThat(metadata.headers()).containsOnlyKeys("a");
        assertThatThrownBy(() -> metadata.headers().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aHeaderWithANullValueIsRejectedSuggestingToLeaveItOut() {
        Map<String, String> headers = new HashMap<>();
        headers.put("a", null);

        assertThatThrownBy(() -> new EventMetadata(null, null, null, null, null, headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave the header out");
    }

    @Test
    void tooManyHeadersAreRejectedNamingTheLimit() {
        Map<String, String> headers = new HashMap<>();
        IntStream.rangeClosed(0, EventMetadata.MAX_HEADERS).forEach(i -> headers.put("h" + i, "v"));

        assertThatThrownBy(() -> new EventMetadata(null, null, null, null, null, headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(EventMetadata.MAX_HEADERS));
    }

    @Test
    void newEventsGetDistinctRandomIds() {
        NewEvent first = NewEvent.of("payload");
        NewEvent second = NewEvent.of("payload");

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThat(first.metadata()).isEqualTo(EventMetadata.empty());
    }
}
