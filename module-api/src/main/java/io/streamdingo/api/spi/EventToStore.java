package io.streamdingo.api.spi;

import io.streamdingo.api.EventMetadata;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event the engine has serialized and hands to a {@link EventStoreBackend} to store. The backend
 * assigns the stream version and global position.
 *
 * @param eventId the event's unique id
 * @param eventType the stable type name
 * @param schemaVersion the schema version of {@code payload}
 * @param recordedAt the time the engine accepted the event, microsecond precision
 * @param metadata the event's context, to be stored and returned unchanged
 * @param payload the serialized payload; the array is owned by the backend from now on
 */
public record EventToStore(
        UUID eventId, String eventType, int schemaVersion, Instant recordedAt, EventMetadata metadata, byte[] payload) {

    public EventToStore {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(payload, "payload");
    }
}
