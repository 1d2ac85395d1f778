package io.streamdingo.cli.transfer;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event in an export file, with every field the store keeps.
 *
 * @param category its stream's category
 * @param stream its stream's id within the category
 * @param version its stream version
 * @param position its global position in the exporting store (an importing store assigns its own)
 * @param eventId its id
 * @param type its event type name
 * @param schemaVersion its schema version
 * @param recordedAt when it was recorded
 * @param correlationId metadata, or null
 * @param causationId metadata, or null
 * @param userId metadata, or null
 * @param tenantId metadata, or null
 * @param partitionKey metadata, or null
 * @param headers metadata headers
 * @param payload the serialized payload exactly as stored (JSON as text)
 * @param hash its hash chain link
 */
public record EventLine(
        String category,
        String stream,
        long version,
        long position,
        UUID eventId,
        String type,
        int schemaVersion,
        Instant recordedAt,
        @Nullable String correlationId,
        @Nullable String causationId,
        @Nullable String userId,
        @Nullable String tenantId,
        @Nullable String partitionKey,
        Map<String, String> headers,
        String payload,
        String hash) {

    /** @throws IllegalArgumentException naming the first required field a line lacks */
    public EventLine {
        Required.present("category", category);
        Required.present("stream", stream);
        Required.present("eventId", eventId);
        Required.present("type", type);
        Required.present("recordedAt", recordedAt);
        Required.present("headers", headers);
        Required.present("payload", payload);
        Required.present("hash", hash);
    }

    /** The line for {@code event}. */
    static EventLine of(StoredEvent event) {
        EventMetadata metadata = event.metadata();
        return new EventLine(
                event.streamId().category(),
                event.streamId().id(),
                event.streamVersion(),
                event.globalPosition(),
                event.eventId(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                metadata.correlationId(),
                metadata.causationId(),
                metadata.userId(),
                metadata.tenantId(),
                metadata.partitionKey(),
                metadata.headers(),
                new String(event.payload(), StandardCharsets.UTF_8),
                event.hash());
    }

    /** The event as a store returns it, for checking its chain link. */
    StoredEvent toStored() {
        return new StoredEvent(
                eventId,
                StreamId.of(category, stream),
                version,
                position,
                type,
                schemaVersion,
                recordedAt,
                new EventMetadata(correlationId, causationId, userId, tenantId, partitionKey, headers),
                payload.getBytes(StandardCharsets.UTF_8),
                hash);
    }
}
