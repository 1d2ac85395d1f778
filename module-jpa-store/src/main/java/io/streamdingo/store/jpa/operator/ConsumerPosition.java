package io.streamdingo.store.jpa.operator;

import java.time.Instant;

/**
 * A saved consumer position.
 *
 * @param subscription the subscription (or the outbox relay's positions)
 * @param consumerKey the consumer, group member or category it belongs to
 * @param position the global position of the last event it finished
 * @param updatedAt when it was saved
 */
public record ConsumerPosition(String subscription, String consumerKey, long position, Instant updatedAt) {}
