package io.streamdingo.api.spi;

import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.Topology;

/**
 * Carries a topology's events through a message broker, so that subscriptions are served across processes
 * and services (JMS-2, JMS-3). The engine keeps the rules (positions, modes, retries, dead letters,
 * upcasting); a transport moves serialized events and lets the broker coordinate consumers of several
 * processes (exclusive queues, message groups keyed by stream). The Jakarta Messaging delivery implements
 * it over ActiveMQ Artemis; without a transport the engine reads subscriptions straight from the event store.
 *
 * <p>Implementations are thread-safe, reconnect by themselves after a broker restart and never lose a message
 * that was not {@linkplain TransportChannel#acknowledge acknowledged}.
 */
public interface DeliveryTransport extends AutoCloseable {

    /**
     * Creates what the broker needs for {@code topology}: an address per stream and a durable queue per
     * subscription, so that events published before a consumer connects wait for it. Idempotent. A broker
     * that cannot be reached now is logged, not fatal: channels create their queues when they connect.
     *
     * @throws IllegalArgumentException if a stream or subscription name cannot be a broker name
     */
    void declare(Topology topology);

    /**
     * Opens the queue of one position of {@code subscription}: the subscription's own queue, or for broadcast
     * subscriptions the queue of {@code consumerKey}, created if needed. Messages arrive from then on.
     */
    TransportChannel open(SubscriptionDefinition subscription, String consumerKey);

    /**
     * Sends one message of an {@code EPHEMERAL} stream (never stored in the event store), durable in the
     * broker until every subscription has acknowledged it or the stream's retention age has passed.
     *
     * @throws IllegalStateException if the broker cannot be reached
     */
    void send(StreamDefinition stream, StoredEvent message);

    /** Whether every open channel is connected to the broker right now (JMS-4; health checks report it). */
    boolean connected();

    /** Closes channels and connections; unacknowledged messages go back to the broker. Idempotent. */
    @Override
    void close();
}
