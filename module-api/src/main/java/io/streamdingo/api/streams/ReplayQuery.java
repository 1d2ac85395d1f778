package io.streamdingo.api.streams;

import io.streamdingo.api.StreamId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which events of a persistent stream category to replay (ST-6): from the beginning, a position, a time or
 * an event; up to the latest event, a position or a time; optionally only some event types and at most so
 * many events. Immutable; build with {@link #of(String)} and the {@code from…}, {@code until…} methods.
 *
 * @param category the stream category
 * @param from where to start
 * @param until where to stop (inclusive)
 * @param eventTypes the type names to include; empty for all
 * @param maxCount the most events to return; {@link Long#MAX_VALUE} for no limit
 */
public record ReplayQuery(String category, From from, Until until, Set<String> eventTypes, long maxCount) {

    /**
     * @throws IllegalArgumentException if the category breaks the stream id rules or {@code maxCount} is below 1
     */
    public ReplayQuery {
        StreamId.requireValidCategory(category);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        eventTypes = Set.copyOf(eventTypes);
        if (maxCount < 1) {
            throw new IllegalArgumentException("a replay returns at least 1 event; maxCount was " + maxCount);
        }
    }

    /** Every event of {@code category}, from the beginning to the latest. */
    public static ReplayQuery of(String category) {
        return new ReplayQuery(category, new From.AfterPosition(0), Until.Latest.INSTANCE, Set.of(), Long.MAX_VALUE);
    }

    /** Starting after global position {@code position}. */
    public ReplayQuery fromAfterPosition(long position) {
        return new ReplayQuery(category, new From.AfterPosition(position), until, eventTypes, maxCount);
    }

    /** Starting with the events recorded at or after {@code time}. */
    public ReplayQuery fromTime(Instant time) {
        return new ReplayQuery(category, new From.AtTime(time), until, eventTypes, maxCount);
    }

    /** Starting with the event {@code eventId} itself. */
    public ReplayQuery fromEvent(UUID eventId) {
        return new ReplayQuery(category, new From.AtEvent(eventId), until, eventTypes, maxCount);
    }

    /** Stopping after global position {@code position}. */
    public ReplayQuery untilPosition(long position) {
        return new ReplayQuery(category, from, new Until.Position(position), eventTypes, maxCount);
    }

    /** Stopping after the events recorded at or before {@code time}. */
    public ReplayQuery untilTime(Instant time) {
        return new ReplayQuery(category, from, new Until.Time(time), eventTypes, maxCount);
    }

    /** Only events of these type names. */
    public ReplayQuery onlyTypes(String... typeNames) {
        return new ReplayQuery(category, from, until, Set.of(typeNames), maxCount);
    }

    /** At most {@code count} events. */
    public ReplayQuery limit(long count) {
        return new ReplayQuery(category, from, until, eventTypes, count);
    }

    /** Where a replay starts. */
    public sealed interface From {
        /** After a global position; 0 is the beginning. */
        record AfterPosition(long position) implements From {
            public AfterPosition {
                if (position < 0) {
                    throw new IllegalArgumentException("a replay starts after position 0 or later; got " + position);
                }
            }
        }

        /** With the first event recorded at or after a time. */
        record AtTime(Instant time) implements From {
            public AtTime {
                Objects.requireNonNull(time, "time");
            }
        }

        /** With a given event. */
        record AtEvent(UUID eventId) implements From {
            public AtEvent {
                Objects.requireNonNull(eventId, "eventId");
            }
        }
    }

    /** Where a replay stops, inclusive. */
    public sealed interface Until {
        /** At the head of the global order when the replay starts. */
        enum Latest implements Until {
            INSTANCE
        }

        /** At a global position. */
        record Position(long position) implements Until {}

        /** After the last event recorded at or before a time. */
        record Time(Instant time) implements Until {
            public Time {
                Objects.requireNonNull(time, "time");
            }
        }
    }
}
