package io.streamdingo.api.spi;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as a {@link EventStoreBackend} returns it: still serialized, with the versions the backend
 * assigned. The engine deserializes and upcasts it.
 *
 * @param eventId the event's unique id
 * @param streamId the stream it belongs to
 * @param streamVersion its version in the stream (1, 2, 3 …)
 * @param globalPosition its position in the global order
 * @param eventType the stable type name it was stored under
 * @param schemaVersion the schema version it was stored with
 * @param recordedAt when it was accepted
 * @param metadata its context, as stored
 * @param payload the serialized payload; callers must not modify the array
 * @param hash the link of the stream's hash chain stored with it: 64 lower-case hex digits (HS-4)
 */
public record StoredEvent(
        UUID eventId,
        StreamId streamId,
        long streamVersion,
        long globalPosition,
        String eventType,
        int schemaVersion,
        Instant recordedAt,
        EventMetadata metadata,
        byte[] payload,
        String hash) {

    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(hash, "hash");
    }

    /** Stores {@code event} at the given versions with its chain link {@code hash}. */
    public static StoredEvent of(
            EventToStore event, StreamId streamId, long streamVersion, long globalPosition, String hash) {
        return new StoredEvent(
                event.eventId(),
                streamId,
                streamVersion,
                globalPosition,
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                event.payload(),
                hash);
    }

    /** Omits the payload (SEC-2). */
    @Override
    public String toString() {
        return "StoredEvent[" + streamId + "@" + streamVersion + ", position " + globalPosition + ", " + eventType
                + " v" + schemaVersion + ", id " + eventId + "]";
    }
}
