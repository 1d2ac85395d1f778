package io.streamdingo.delivery.jms;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.EventDecoder;
import io.streamdingo.api.spi.StoredEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.Objects;

/**
 * Reads the events a broker message carries, for message-driven beans that consume a subscription's queue
 * themselves (ST-3): the message's event, deserialized and upcast to its newest version like a read from the
 * store. Inject it ({@code @Inject MessageEvents}) where the JMS delivery is deployed.
 *
 * <pre>{@code
 * public void onMessage(Message message) {
 *     for (RecordedEvent event : events.read(message)) { ... }
 * }
 * }</pre>
 */
public final class MessageEvents {

    private final EventDecoder decoder;

    /** @param decoder the application's event store, which knows the event types and upcasters */
    public MessageEvents(EventDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * The events {@code message} carries: usually one (none or several when an upcaster dropped or split it).
     *
     * @throws IllegalArgumentException if it is not an event message published by StreamDingo (named)
     * @throws io.streamdingo.api.UnknownEventTypeException if its type is not registered here
     */
    public List<RecordedEvent> read(Message message) {
        StoredEvent stored;
        try {
            stored = EventMessages.read(message);
        } catch (JMSException e) {
            throw new IllegalArgumentException("cannot read the event message: " + e.getMessage(), e);
        }
        return decoder.decode(stored);
    }

    /** The id of the event {@code message} carries, without decoding it (to deduplicate cheaply). */
    public static java.util.UUID eventId(Message message) {
        try {
            return EventMessages.eventId(message);
        } catch (JMSException e) {
            throw new IllegalArgumentException("cannot read the event message: " + e.getMessage(), e);
        }
    }
}
