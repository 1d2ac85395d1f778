package io.streamdingo.api.streams;

import java.time.Duration;
import java.util.Optional;

/**
 * A consumer of one subscription, pulling deliveries (ST-3). Polling keeps it alive: in exclusive and group
 * modes a consumer that does not poll for longer than the subscription's visibility timeout is considered
 * dead, and its place and unsettled deliveries go to others. Not thread-safe: one thread polls a consumer.
 */
public interface EventConsumer extends AutoCloseable {

    /** The id it was subscribed with. */
    String consumerId();

    /**
     * The next delivery for this consumer, waiting up to {@code timeout} for one.
     *
     * @throws ConsumerClosedException if the consumer, or its subscriptions, were closed
     */
    Optional<Delivery> poll(Duration timeout);

    /** Leaves the subscription: unsettled deliveries are redelivered to others at once. Idempotent. */
    @Override
    void close();
}
