package io.streamdingo.engine.delivery;

import io.streamdingo.api.EventDeserializationException;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.UnknownEventTypeException;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.engine.store.DefaultEventStore;
import java.util.List;
import java.util.Map;

/**
 * The payload of an event a subscription cannot read (a type this application does not register, a payload
 * that does not deserialize): it becomes a dead letter naming why, and the subscription flows on instead of
 * failing every poll on it forever. Never handed to a consumer.
 *
 * @param reason the read failure's message (stream, version and type; never the payload)
 * @param stored the event as it arrived, kept as it is in the dead-letter store
 */
record Undecodable(String reason, StoredEvent stored) {

    /** {@code stored} as the subscription's events: decoded, or one undecodable marker. */
    static List<RecordedEvent> decode(DefaultEventStore codec, StoredEvent stored, Map<String, Integer> receiveAs) {
        try {
            return codec.decode(stored, receiveAs);
        } catch (UnknownEventTypeException | EventDeserializationException e) {
            return List.of(new RecordedEvent(
                    stored.eventId(),
                    stored.streamId(),
                    stored.streamVersion(),
                    stored.globalPosition(),
                    stored.eventType(),
                    stored.schemaVersion(),
                    stored.recordedAt(),
                    stored.metadata(),
                    new Undecodable(e.getMessage(), stored)));
        }
    }
}
