package io.streamdingo.api.streams;

import io.streamdingo.api.RecordedEvent;

/**
 * One event handed to one consumer, to be settled exactly once with {@link #ack()} or {@link #nack} (ST-3,
 * ST-4). An unsettled delivery is delivered again after the subscription's visibility timeout (at least
 * once). Settling twice, or settling after the visibility timeout gave the event to another attempt, fails
 * with {@link IllegalStateException}.
 */
public interface Delivery {

    /** The event, upcast to its newest version. */
    RecordedEvent event();

    /** The subscription it was delivered for. */
    String subscription();

    /** Which attempt this is: 1 for the first delivery. */
    int attempt();

    /**
     * Processed: the consumer's position may move past this event.
     *
     * @throws StaleDeliveryException if the delivery was handed to another attempt meanwhile
     * @throws IllegalStateException if it was already settled
     */
    void ack();

    /**
     * Not processed: requeue it (after the retry policy's backoff; a dead letter once attempts run out) or
     * dead-letter it now.
     *
     * @throws StaleDeliveryException if the delivery was handed to another attempt meanwhile
     * @throws IllegalStateException if it was already settled
     */
    void nack(NackAction action);

    /**
     * Read-receipt subscriptions: the event, delivered and acknowledged, was also read. Until then it counts
     * as unread, holds the consumer's position, and after the subscription's unread timeout is requeued,
     * dead-lettered or dropped (ST-2).
     *
     * @throws IllegalStateException if the subscription does not use read receipts, the delivery was not
     *     acknowledged, or it was already marked read or timed out
     */
    void markRead();
}
