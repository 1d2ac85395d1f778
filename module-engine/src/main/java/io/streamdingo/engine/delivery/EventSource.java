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

    /**
     * Consumer groups sharing a queue: the events of {@code stream} between {@code afterVersion} and
     * {@code version} above {@code afterPosition} that another member may still hold, read from the store, to
     * deliver before {@code version} when this process takes the stream over (the broker may hand it the
     * stream's newer messages before giving back what a dead member held). Empty where a source's order is
     * its own.
     */
    default List<RecordedEvent> takenOver(
            io.streamdingo.api.StreamId stream,
            long afterVersion,
            long version,
            long afterPosition,
            Map<String, Integer> receiveAs) {
        return List.of();
    }

    /** Whether {@link #takenOver} can answer: a queue shared by the members of a group, over this store. */
    default boolean sharedWithStore() {
        return false;
    }
}
