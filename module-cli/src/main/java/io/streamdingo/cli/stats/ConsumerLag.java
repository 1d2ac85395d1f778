package io.streamdingo.cli.stats;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A saved consumer position and how far it is behind.
 *
 * @param subscription the subscription, or {@code streamdingo-relay} for the outbox relay's positions
 * @param consumer the consumer, group member or (for the relay) category
 * @param category the category it reads, if known: the relay names it; for a subscription it is the category of
 *     the event at its position
 * @param position the global position of the last event it finished
 * @param lag how many events of its category lie after that position; null when the category is not known (it
 *     has finished no event yet)
 * @param updatedAt when the position was saved
 */
public record ConsumerLag(
        String subscription,
        String consumer,
        @Nullable String category,
        long position,
        @Nullable Long lag,
        Instant updatedAt) {}
