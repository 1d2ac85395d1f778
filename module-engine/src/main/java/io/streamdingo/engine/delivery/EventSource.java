package io.streamdingo.engine.delivery;

import io.streamdingo.api.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where a subscription's events come from: the event store for persistent streams, a queue for ephemeral ones. */
interface EventSource {

    /** The highest position a read can return now; 0 if none. */
    long head();

    /**
     * The events after {@code position}, ascending, up to the head at the time of the call, upcast as far as
     * {@code receiveAs} says (newest for types it does not name). Close it.
     */
    Stream<RecordedEvent> after(long position, Map<String, Integer> receiveAs);

    /** The position just before the first event recorded at or after {@code time}; the head if there is none. */
    long positionBefore(Instant time);

    /** The subscription's saved position moved to {@code position}: what lies at or below it is settled. */
    default void settledUpTo(long position) {}

    /**
     * Events at or below {@code readUpTo} that the subscription has not been given yet: another consumer-group
     * member's, handed to this process when that member died. Empty for a source whose order is the
     * subscription's own.
     */
    default List<RecordedEvent> late(long readUpTo, Map<String, Integer> receiveAs) {
        return List.of();
    }

    /** A {@linkplain #late late} event was settled. */
    default void settledLate(RecordedEvent event) {}
}
