package io.streamdingo.delivery.jms;

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
import java.util.Objects;

/**
 * Publishes stored events to the topic {@code {prefix}.{category}} (JMS-1, JMS-2): one persistent bytes
 * message per event, with the {@link EventHeaders}, the event id as Artemis duplicate-detection id and the
 * stream as message group, all of a batch in one transacted session, committed before {@link #publish}
 * returns (a batch the broker partly holds already is sent again one message at a time).
 *
 * <p>The transacted session is kept open from one publish to the next: opening a connection per batch cost
 * a plain Artemis connection factory 3–4 ms, more than sending the batch. A session that failed is closed
 * and a new one opened at the next publish; {@link #close()} closes it. Thread-safe (publishes one at a time).
 */
public final class JmsEventPublisher implements EventPublisher {

    private final ConnectionFactory connections;
    private final BrokerNames names;
    /** The transacted session batches are sent in; null until the first publish and after a failure. */
    private JMSContext transacted;

    /**
     * @param connections the broker (in a server: the resource adapter's connection factory)
     * @param prefix the address prefix: a letter, then letters, digits, {@code _ . -}, at most 50
     * @throws IllegalArgumentException if the prefix breaks that rule
     */
    public JmsEventPublisher(ConnectionFactory connections, String prefix) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.names = new BrokerNames(prefix);
    }

    /** The topic name events of {@code category} are published to. */
    public String topicName(String category) {
        return names.address(category);
    }

    @Override
    public synchronized void publish(String category, List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            if (transacted == null) {
                transacted = connections.createContext(JMSContext.SESSION_TRANSACTED);
            }
            send(transacted, category, events);
            transacted.commit();
        } catch (JMSRuntimeException inBatch) {
            closeTransacted(); // rolls back what it sent; the next publish opens a new one
            // Artemis rolls back a whole transaction that holds a duplicate: a batch partly published before a
            // crash is sent again message by message, where the broker drops the duplicates one by one.
            try (JMSContext oneByOne = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                send(oneByOne, category, events);
            } catch (JMSRuntimeException e) {
                e.addSuppressed(inBatch);
                throw new IllegalStateException(
                        "could not publish " + events.size() + " event(s) of " + category + " to the broker ("
                                + e.getMessage() + "); the relay publishes them again on its next run",
                        e);
            }
        }
    }

    /** Sends in {@code context}'s transaction, or each message on its own (every persistent send waits for the broker). */
    private void send(JMSContext context, String category, List<StoredEvent> events) {
        Topic topic = context.createTopic(topicName(category));
        JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        for (StoredEvent event : events) {
            producer.send(topic, message(context, event));
        }
    }

    private void closeTransacted() {
        if (transacted != null) {
            try {
                transacted.close();
            } catch (JMSRuntimeException alreadyBroken) {
                // its connection is gone: nothing left to release
            }
            transacted = null;
        }
    }

    private static BytesMessage message(JMSContext context, StoredEvent event) {
        try {
            return EventMessages.write(context.createBytesMessage(), event);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Closes the session kept open; the connection factory belongs to its owner (the server, or the application). */
    @Override
    public synchronized void close() {
        closeTransacted();
    }
}
