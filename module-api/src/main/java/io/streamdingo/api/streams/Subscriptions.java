package io.streamdingo.api.streams;

import java.time.Instant;
import java.util.List;

/**
 * Consuming the declared subscriptions: the delivery SPI that the in-memory reference delivery and the
 * Jakarta Messaging delivery implement, each passing the delivery contract in {@code io.streamdingo.tck}
 * (ST-2 to ST-6).
 *
 * <p>Positions are global positions of the event store; a subscription only sees events of its stream's
 * category that pass its filter. Implementations are thread-safe.
 */
public interface Subscriptions extends AutoCloseable {

    /**
     * Joins {@code subscription} as {@code consumerId}. For broadcast subscriptions each consumer id has its
     * own position, kept across restarts; in the other modes the consumers share one.
     *
     * @throws IllegalArgumentException if the subscription is not declared or the id is blank
     * @throws IllegalStateException if {@code consumerId} is already connected to it
     */
    EventConsumer subscribe(String subscription, String consumerId);

    /**
     * Publishes {@code event} to {@code streamId} of an {@code EPHEMERAL} stream (ST-1): it is not stored in
     * the event store, reaches the subscriptions connected to the stream, is gone once they have all
     * settled it, and expires unread after the stream's retention age.
     *
     * @throws IllegalArgumentException if the stream's category is not declared, or not {@code EPHEMERAL}
     * @throws io.streamdingo.api.UnknownEventTypeException if the payload's type is not registered
     */
    void publish(io.streamdingo.api.StreamId streamId, io.streamdingo.api.NewEvent event);

    /** The positions of the subscription's consumers, with their lag. */
    List<ConsumerPosition> positions(String subscription);

    /**
     * Moves a consumer's position ({@code consumerKey} as in {@link ConsumerPosition}) so that it next
     * receives the events after {@code position}. Meant for stopped consumers; connected ones see the change
     * on their next poll.
     */
    void resetPosition(String subscription, String consumerKey, long position);

    /** Moves a consumer's position to just before the first event recorded at or after {@code time}. */
    void resetPosition(String subscription, String consumerKey, Instant time);

    /**
     * Forgets a consumer's stored position ({@code consumerKey} as in {@link ConsumerPosition}), for example
     * a broadcast consumer that was retired: it no longer shows in {@link #positions(String)}, and a consumer
     * of that key that comes back starts at the subscription's start position.
     *
     * @return whether a position was stored
     * @throws IllegalArgumentException if the subscription is not declared
     * @throws IllegalStateException if a consumer of that key is connected in this process; close it first
     */
    boolean removeConsumer(String subscription, String consumerKey);

    /** Read-receipt subscriptions: how many delivered events are not marked read yet; 0 for other modes. */
    long unreadCount(String subscription);

    /**
     * The subscription's dead letters, oldest first: those of every consumer key, kept in the dead-letter store
     * (across restarts with a durable one).
     */
    List<DeadLetter> deadLetters(String subscription);

    /**
     * Delivers the subscription's dead letters again, as first attempts, to this process's consumers; each
     * leaves the dead-letter store when its new delivery is settled (so a crash before that keeps it). Letters
     * whose events cannot be read stay.
     *
     * @return how many were requeued
     */
    int replayDeadLetters(String subscription);

    /**
     * Delivers one dead letter again, as {@link #replayDeadLetters} does.
     *
     * @return false if the subscription has no dead letter {@code id} (replayed or deleted meanwhile) or its
     *     event cannot be read
     */
    boolean replayDeadLetter(String subscription, java.util.UUID id);

    /**
     * Deletes one dead letter for good.
     *
     * @return false if the subscription has no dead letter {@code id}
     */
    boolean deleteDeadLetter(String subscription, java.util.UUID id);

    /** Stops delivering; connected consumers' polls fail afterwards. */
    @Override
    void close();
}
