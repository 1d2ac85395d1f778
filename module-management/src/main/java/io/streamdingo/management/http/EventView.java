package io.streamdingo.management.http;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.RecordedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event as the API shows it: its identity, position and metadata, and its decoded payload only where the
 * call asked for it.
 *
 * @param payload the decoded payload; null unless asked for
 */
record EventView(
        UUID eventId,
        String category,
        String streamId,
        long streamVersion,
        long globalPosition,
        String type,
        int schemaVersion,
        Instant recordedAt,
        EventMetadata metadata,
        @Nullable Object payload) {

    static EventView of(RecordedEvent event, boolean withPayload) {
        return new EventView(
                event.eventId(),
                event.streamId().category(),
                event.streamId().id(),
                event.streamVersion(),
                event.globalPosition(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                withPayload ? event.payload() : null);
    }
}
