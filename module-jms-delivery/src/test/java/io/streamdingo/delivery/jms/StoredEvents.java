package io.streamdingo.delivery.jms;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Stored events for tests that only carry them: an id of their own (brokers drop a repeated id as a duplicate). */
final class StoredEvents {

    private StoredEvents() {}

    /** The first event of stream {@code category-1}, of type {@code tck.Any}, with an empty JSON payload. */
    static StoredEvent any(String category) {
        return new StoredEvent(
                UUID.randomUUID(),
                StreamId.of(category, category + "-1"),
                1,
                1,
                "tck.Any",
                1,
                Instant.now(),
                EventMetadata.empty(),
                "{}".getBytes(StandardCharsets.UTF_8),
                "");
    }
}
