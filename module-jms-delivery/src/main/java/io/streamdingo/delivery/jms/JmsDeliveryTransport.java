package io.streamdingo.delivery.jms;

import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * The engine's subscriptions carried over ActiveMQ Artemis through Jakarta Messaging (JMS-2): every stream is
 * an address (a JMS topic) {@code {prefix}.{stream}} and every subscription a durable queue bound to it,
 * {@code {prefix}.{subscription}}, as a shared durable subscription, so that each server's consumers share
 * the subscription's messages:
 *
 * <ul>
 *   <li>{@code EXCLUSIVE}: an exclusive queue ({@code ?exclusive=true}): the broker gives every message to
 *       one consumer at a time and moves to another when it disconnects;
 *   <li>{@code CONSUMER_GROUP}, {@code READ_RECEIPT}: message groups keyed by stream (the publisher sets
 *       {@code JMSXGroupID}): each stream's messages go to one consumer, in order, across servers;
 *   <li>{@code BROADCAST}: one durable queue per consumer id, {@code {prefix}.{subscription}.{consumer}}.
 * </ul>
 *
 * Each stream's address gets a dead-letter address, an expiry address and redelivery with backoff from its
 * subscriptions' retry policies ({@link BrokerSettings}), for what the broker redelivers itself.
 *
 * <p>Messages are acknowledged one by one (Artemis's individual acknowledgement) once the engine has settled
 * them, so an unsettled message survives a crash in the broker. The connection factory comes from the server
 * (the Artemis resource adapter) or the application (an embedded broker).
 */
public final class JmsDeliveryTransport implements DeliveryTransport {

    private static final System.Logger LOG = System.getLogger(JmsDeliveryTransport.class.getName());

    private final ConnectionFactory connections;
    private final BrokerNames names;
    private final Duration reconnectDelay;
    private final ThreadFactory threads;
    private final List<JmsChannel> channels = new CopyOnWriteArrayList<>();
    private final Object sending = new Object();
    private JMSContext sender;
    private volatile boolean open = true;

    /**
     * @param connections the broker
     * @param prefix the address prefix (see {@link BrokerNames})
     * @param reconnectDelay how long to wait between attempts to reach a broker that went away
     * @param threads makes the receiving threads (in a server: its managed thread factory)
     * @throws IllegalArgumentException if the prefix is invalid or the delay not positive
     */
    public JmsDeliveryTransport(
            ConnectionFactory connections, String prefix, Duration reconnectDelay, ThreadFactory threads) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.names = new BrokerNames(prefix);
        if (reconnectDelay == null || reconnectDelay.isNegative() || reconnectDelay.isZero()) {
            throw new IllegalArgumentException("the reconnect delay must be positive; got " + reconnectDelay);
        }
        this.reconnectDelay = reconnectDelay;
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** A transport reconnecting every second, on daemon threads. */
    public JmsDeliveryTransport(ConnectionFactory connections, String prefix) {
        this(connections, prefix, Duration.ofSeconds(1), task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void declare(Topology topology) {
        requireOpen();
        new BrokerSettings(connections, names).apply(topology);
        for (SubscriptionDefinition subscription : topology.subscriptions()) {
            if (subscription.mode() != SubscriptionMode.BROADCAST) {
                createQueue(subscription, names.subscriptionQueue(subscription));
            }
        }
    }

    @Override
    public TransportChannel open(SubscriptionDefinition subscription, String consumerKey) {
        requireOpen();
        String queue = names.queue(subscription, consumerKey);
        createQueue(subscription, queue); // before returning: what is published from now on waits in it
        JmsChannel channel = new JmsChannel(connections, topicOf(subscription), queue, reconnectDelay, threads);
        channels.add(channel);
        return channel;
    }

    @Override
    public void send(StreamDefinition stream, StoredEvent message) {
        requireOpen();
        synchronized (sending) {
            try {
                if (sender == null) {
                    sender = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                }
                long timeToLive = stream.retention().maxAge() == null
                        ? 0
                        : stream.retention().maxAge().toMillis();
                sender.createProducer()
                        .setDeliveryMode(DeliveryMode.PERSISTENT)
                        .setTimeToLive(timeToLive)
                        .send(
                                sender.createTopic(names.address(stream.category())),
                                EventMessages.write(sender.createBytesMessage(), message));
            } catch (JMSException | JMSRuntimeException e) {
                if (sender != null) {
                    sender.close();
                    sender = null;
                }
                throw new IllegalStateException(
                        "could not send a message of ephemeral stream " + stream.category() + " to the broker ("
                                + e.getMessage() + "); it was not sent, try again",
                        e);
            }
        }
    }

    /**
     * A shared durable subscription outlives its consumer: the queue exists from now on. A broker that cannot
     * be reached now is not fatal: the channel creates the queue when it connects, and the engine reads what
     * was published before that from its store.
     */
    private void createQueue(SubscriptionDefinition subscription, String queue) {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Topic topic = context.createTopic(topicOf(subscription));
            context.createSharedDurableConsumer(topic, queue).close();
        } catch (JMSRuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not create queue {0} of subscription {1} now ({2}); it is created when the broker can be"
                            + " reached. If this lasts, check that the broker runs and lets this user create addresses"
                            + " and queues",
                    queue,
                    subscription.name(),
                    e.getMessage());
        }
    }

    @Override
    public boolean connected() {
        return channels.stream().allMatch(JmsChannel::connected);
    }

    @Override
    public void close() {
        open = false;
        channels.forEach(JmsChannel::close);
        channels.clear();
        synchronized (sending) {
            if (sender != null) {
                sender.close();
                sender = null;
            }
        }
    }

    /** The subscription's address, with the queue attributes its mode needs when the broker creates the queue. */
    private String topicOf(SubscriptionDefinition subscription) {
        String address = names.address(subscription.stream());
        return subscription.mode() == SubscriptionMode.EXCLUSIVE ? address + "?exclusive=true" : address;
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the Jakarta Messaging transport is closed");
        }
    }
}
