package io.streamdingo.api;

import java.util.stream.Stream;

/**
 * The role of reading the events of all streams in global order (ES-2, ES-3).
 *
 * <p>Global positions are strictly increasing but may have gaps (a rolled-back or truncated append
 * leaves one). A reader that remembers the position of the last event it saw and calls
 * {@link #readAll(long)} with it again later never skips an event that committed in between and never
 * sees one twice: the store only exposes a position once every lower position is committed or
 * abandoned.
 */
public interface GlobalOrderReader {

    /**
     * The events with a global position greater than {@code afterPosition} and at most the head position at
     * the time of the call, in ascending position order, fetched lazily. Events committed later are returned
     * by the next call.
     *
     * @param afterPosition 0 to start from the beginning, or the position of the last event seen
     * @throws IllegalArgumentException if {@code afterPosition} is negative
     * @throws StoreNotOpenException if the store was closed
     */
    Stream<RecordedEvent> readAll(long afterPosition);

    /**
     * Like {@link #readAll(long)}, but only the events of streams of {@code category}. Events of other
     * categories are skipped before they are read back, so an event type this application does not know in
     * another category does not fail the read.
     *
     * @throws IllegalArgumentException if {@code afterPosition} is negative or {@code category} breaks the
     *     rules of {@link StreamId}
     * @throws StoreNotOpenException if the store was closed
     */
    Stream<RecordedEvent> readCategory(String category, long afterPosition);

    /** The highest global position a reader can see now; 0 for an empty store. */
    long headPosition();
}
