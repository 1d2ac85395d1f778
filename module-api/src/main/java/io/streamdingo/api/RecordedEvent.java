package io.streamdingo.api;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as the store holds it: the payload, upcast to the newest version this application knows, with
 * the full envelope (ES-5).
 *
 * @param eventId the unique id of the event
 * @param streamId the stream it belongs to
 * @param streamVersion its position in the stream: 1, 2, 3 … without gaps
 * @param globalPosition its position in the order of all streams; strictly increasing, not gapless
 * @param eventType the stable type name of the payload (see {@link EventType})
 * @param schemaVersion the schema version of the payload as returned (after upcasting)
 * @param recordedAt when the store accepted the event (microsecond precision)
 * @param metadata correlation, causation, user, tenant, partition key and headers
 * @param payload the domain event, an instance of the registered type for {@code eventType} and
 *     {@code schemaVersion}
 */
public record RecordedEvent(
        UUID eventId,
        StreamId streamId,
        long streamVersion,
        long globalPosition,
        String eventType,
        int schemaVersion,
        Instant recordedAt,
        EventMetadata metadata,
        Object payload) {

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * The payload as {@code type}.
     *
     * @throws ClassCastException naming both types if the payload is of another type
     */
    public <T> T payloadAs(Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new ClassCastException("event " + streamId + "@" + streamVersion + " holds a "
                    + payload.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(payload);
    }

    /** Omits the payload, which may hold personal data (SEC-2). */
    @Override
    public String toString() {
        return "RecordedEvent[" + streamId + "@" + streamVersion + ", position " + globalPosition + ", " + eventType
                + " v" + schemaVersion + ", id " + eventId + "]";
    }
}
