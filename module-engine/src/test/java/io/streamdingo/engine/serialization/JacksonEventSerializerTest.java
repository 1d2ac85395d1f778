package io.streamdingo.engine.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JacksonEventSerializerTest {

    record Shipped(String orderId, int parcels, Instant at, Optional<String> carrier) {}

    private final JacksonEventSerializer serializer = new JacksonEventSerializer();

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsRoundTripWithTimeAsIsoText() {
        Shipped event = new Shipped("o-1", 2, Instant.parse("2026-11-23T10:15:30.123456Z"), Optional.of("post"));

        byte[] bytes = serializer.serialize(event);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"2026-11-23T10:15:30.123456Z\"");
        assertThat(serializer.deserialize(bytes, Shipped.class)).isEqualTo(event);
    }

    @Test
    void propertiesTheClassDoesNotKnowAreIgnored() {
        Shipped read = serializer.deserialize(
                json("{\"orderId\":\"o-1\",\"parcels\":1,\"at\":\"2026-01-01T00:00:00Z\",\"addedLater\":true}"),
                Shipped.class);

        assertThat(read.orderId()).isEqualTo("o-1");
    }

    @Test
    void trailingGarbageIsRejected() {
        assertThatThrownBy(() -> serializer.deserialize(json("{\"orderId\":\"o-1\",\"parcels\":1} {}"), Shipped.class))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void nullForAPrimitiveIsRejected() {
        assertThatThrownBy(() -> serializer.deserialize(json("{\"orderId\":\"o-1\",\"parcels\":null}"), Shipped.class))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void jsonNullIsRejected() {
        assertThatThrownBy(() -> serializer.deserialize(json("null"), Shipped.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }
}
