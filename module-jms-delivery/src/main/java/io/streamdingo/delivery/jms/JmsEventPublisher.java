package io.streamdingo.delivery.jms;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.StoredEvent;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Publishes stored events to the topic {@code {prefix}.{category}} (JMS-1, JMS-2): one persistent bytes
 * message per event, with the {@link EventHeaders}, the event id as Artemis duplicate-detection id and the
 * stream as message group, all of a batch in one transacted session, committed before {@link #publish}
 * returns.
 */
public final class JmsEventPublisher implements EventPublisher {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,49}");

    private final ConnectionFactory connections;
    private final String prefix;

    /**
     * @param connections the broker (in a server: the resource adapter's connection factory)
     * @param prefix the address prefix: a letter, then letters, digits, {@code _ . -}, at most 50
     * @throws IllegalArgumentException if the prefix breaks that rule
     */
    public JmsEventPublisher(ConnectionFactory connections, String prefix) {
        this.connections = Objects.requireNonNull(connections, "connections");
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("address prefix '" + prefix
                    + "' is invalid: start with a letter, then up to 49 letters, digits, '_', '.' or '-'");
        }
        this.prefix = prefix;
    }

    /** The topic name events of {@code category} are published to. */
    public String topicName(String category) {
        return prefix + "." + StreamId.requireValidCategory(category);
    }

    @Override
    public void publish(String category, List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            Topic topic = context.createTopic(topicName(category));
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (StoredEvent event : events) {
                producer.send(topic, message(context, event));
            }
            context.commit();
        } catch (JMSRuntimeException e) {
            throw new IllegalStateException(
                    "could not publish " + events.size() + " event(s) of " + category + " to the broker ("
                            + e.getMessage() + "); the relay publishes them again on its next run",
                    e);
        }
    }

    private static BytesMessage message(JMSContext context, StoredEvent event) {
        BytesMessage message = context.createBytesMessage();
        try {
            message.writeBytes(event.payload());
            String eventId = event.eventId().toString();
            message.setStringProperty(EventHeaders.DUPLICATE_ID, eventId);
            message.setStringProperty(EventHeaders.GROUP_ID, event.streamId().toString());
            message.setStringProperty(EventHeaders.EVENT_ID, eventId);
            message.setStringProperty(EventHeaders.EVENT_TYPE, event.eventType());
            message.setIntProperty(EventHeaders.SCHEMA_VERSION, event.schemaVersion());
            message.setStringProperty(EventHeaders.STREAM, event.streamId().toString());
            message.setLongProperty(EventHeaders.STREAM_VERSION, event.streamVersion());
            message.setLongProperty(EventHeaders.GLOBAL_POSITION, event.globalPosition());
            message.setStringProperty(
                    EventHeaders.RECORDED_AT, event.recordedAt().toString());
            message.setStringProperty(EventHeaders.HASH, event.hash());
            EventMetadata metadata = event.metadata();
            if (metadata.correlationId() != null) {
                message.setStringProperty(EventHeaders.CORRELATION_ID, metadata.correlationId());
                message.setJMSCorrelationID(metadata.correlationId());
            }
            if (metadata.causationId() != null) {
                message.setStringProperty(EventHeaders.CAUSATION_ID, metadata.causationId());
            }
            for (Map.Entry<String, String> header : metadata.headers().entrySet()) {
                message.setStringProperty(
                        "sd_h_" + header.getKey().replaceAll("[^A-Za-z0-9_]", "_"), header.getValue());
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        return message;
    }

    @Override
    public void close() {
        // connections belong to the factory's owner (the server, or the application)
    }
}
