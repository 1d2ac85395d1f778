package io.streamdingo.delivery.jms;

import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

/**
 * One durable queue read by one thread: the queue of a subscription, bound to its stream's address as a
 * shared durable subscription (JMS-2). The thread owns the JMS session (sessions are single-threaded), hands
 * arrivals over and performs the acknowledgements asked for from other threads. When the connection breaks
 * it logs it once, reconnects every {@code reconnectDelay} and the broker delivers again what was not
 * acknowledged (JMS-4).
 */
final class JmsChannel implements TransportChannel {

    private static final System.Logger LOG = System.getLogger(JmsChannel.class.getName());
    /** Artemis's individual acknowledgement: acknowledging a message settles that message alone. */
    static final int INDIVIDUAL_ACKNOWLEDGE = 101;

    private static final long RECEIVE_MILLIS = 50;
    /**
     * Flow control: at most this many messages are held unacknowledged (well above the engine's window of
     * 1,000); a backlog stays in the broker, which pages it to disk, instead of in this process's memory.
     */
    static final int MAX_HELD = 5_000;

    private final ConnectionFactory connections;
    private final String topic;
    private final String queue;
    private final Duration reconnectDelay;
    private final ConcurrentLinkedQueue<StoredEvent> arrivals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<UUID> acknowledgements = new ConcurrentLinkedQueue<>();
    /** Received and not acknowledged, by event id; touched by the receiving thread only. */
    private final Map<UUID, Message> unacknowledged = new HashMap<>();

    private final Thread receiver;
    private final List<Runnable> arrivalListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private volatile boolean connected;
    private final java.util.concurrent.atomic.AtomicLong connectionCount = new java.util.concurrent.atomic.AtomicLong();

    JmsChannel(
            ConnectionFactory connections, String topic, String queue, Duration reconnectDelay, ThreadFactory threads) {
        this.connections = connections;
        this.topic = topic;
        this.queue = queue;
        this.reconnectDelay = reconnectDelay;
        this.receiver = threads.newThread(this::receive);
        receiver.setName("streamdingo-jms-" + queue);
        receiver.start();
    }

    @Override
    public List<StoredEvent> arrived() {
        List<StoredEvent> out = new ArrayList<>();
        for (StoredEvent event = arrivals.poll(); event != null; event = arrivals.poll()) {
            out.add(event);
        }
        return out;
    }

    @Override
    public void acknowledge(StoredEvent message) {
        acknowledgements.add(message.eventId());
    }

    /** Whether it is connected to the broker right now (it reconnects by itself otherwise); closed counts as yes. */
    boolean connected() {
        return connected || !open;
    }

    @Override
    public long connections() {
        return connectionCount.get();
    }

    @Override
    public void close() {
        open = false;
        if (Thread.currentThread() != receiver) {
            try {
                receiver.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void receiveUntilClosed() {
        boolean lost = false;
        while (open) {
            try (Connection connection = connections.createConnection()) {
                Session session = connection.createSession(false, INDIVIDUAL_ACKNOWLEDGE);
                Topic destination = session.createTopic(topic);
                MessageConsumer consumer = session.createSharedDurableConsumer(destination, queue);
                connection.start();
                connected = true;
                connectionCount.incrementAndGet();
                if (lost) {
                    LOG.log(Level.INFO, "queue {0} is connected to the broker again", queue);
                    lost = false;
                }
                while (open) {
                    acknowledgePending();
                    if (unacknowledged.size() >= MAX_HELD) {
                        pause(RECEIVE_MILLIS);
                        continue;
                    }
                    Message message = consumer.receive(RECEIVE_MILLIS);
                    if (message != null) {
                        take(message);
                    }
                }
                acknowledgePending();
            } catch (JMSException | RuntimeException e) {
                // any failure ends this connection: the receiver connects again instead of dying
                connected = false;
                // messages received on the broken connection come again: their old handles are useless
                unacknowledged.clear();
                acknowledgements.clear();
                if (!lost) {
                    LOG.log(
                            Level.WARNING,
                            "queue {0} lost its broker connection ({1}); reconnecting every {2}",
                            queue,
                            e.getMessage(),
                            reconnectDelay);
                    lost = true;
                }
                pause(reconnectDelay.toMillis());
            }
        }
        connected = false;
    }

    /** The receiving loop; whatever ends it, the channel no longer counts as connected. */
    private void receive() {
        try {
            receiveUntilClosed();
        } finally {
            connected = false;
        }
    }

    private void take(Message message) throws JMSException {
        StoredEvent event;
        try {
            event = EventMessages.read(message);
        } catch (JMSException | RuntimeException e) {
            // about this message, not the connection (a MessageFormatException, a foreign message): nothing could
            // ever consume it, so it must not block the queue or be taken for a lost connection
            LOG.log(
                    Level.WARNING,
                    "queue {0} acknowledged and dropped message {1}, which is not a StreamDingo event: {2}",
                    queue,
                    messageId(message),
                    e.toString());
            message.acknowledge();
            return;
        }
        unacknowledged.put(event.eventId(), message);
        arrivals.add(event);
        arrivalListeners.forEach(Runnable::run);
    }

    @Override
    public void onArrival(Runnable listener) {
        arrivalListeners.add(listener);
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }

    private void acknowledgePending() throws JMSException {
        for (UUID id = acknowledgements.poll(); id != null; id = acknowledgements.poll()) {
            Message message = unacknowledged.remove(id);
            if (message != null) {
                message.acknowledge();
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }
}
