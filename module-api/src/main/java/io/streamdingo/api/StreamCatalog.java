package io.streamdingo.api;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The role of listing and removing streams (ES-9).
 *
 * <p>A soft delete hides a stream from reads and listings but keeps its events in the global order and
 * its version: a later append continues at the next version and only the new events are visible, as in
 * EventStoreDB. A truncation removes a stream's older events for good.
 */
public interface StreamCatalog {

    /**
     * The non-empty streams of {@code category}, ordered by id, fetched lazily.
     *
     * @throws IllegalArgumentException if {@code category} breaks the rules of {@link StreamId}
     */
    Stream<StreamInfo> listStreams(String category);

    /**
     * The non-empty streams of {@code category} whose id sorts after {@code afterId} in the store's order,
     * ordered by id, fetched lazily: the next page of a listing that ended at {@code afterId}.
     *
     * @throws IllegalArgumentException if {@code category} breaks the rules of {@link StreamId}
     */
    Stream<StreamInfo> listStreams(String category, String afterId);

    /** How many non-empty streams {@code category} holds. */
    long countStreams(String category);

    /**
     * How many events of {@code category} the store keeps, up to its {@linkplain EventStore#headPosition() head
     * position}: every event appended and not yet removed by {@link #truncateBefore}; events hidden by a
     * {@link #softDelete} still count, as they still take their place in the global order.
     *
     * @throws IllegalArgumentException if {@code category} breaks the rules of {@link StreamId}
     */
    long countEvents(String category);

    /** The stream's version and visible range; empty if it was never written. */
    Optional<StreamInfo> streamInfo(StreamId streamId);

    /**
     * Hides every current event of the stream.
     *
     * @throws WrongExpectedVersionException if the stream's version does not satisfy {@code expected}
     * @throws StreamLockedException if another writer holds a session on the stream
     */
    void softDelete(StreamId streamId, ExpectedVersion expected);

    /**
     * Deletes the events of the stream with a version below {@code beforeVersion}, for good. The stream's
     * version does not change; versions are never reused.
     *
     * @return how many events were deleted
     * @throws IllegalArgumentException if {@code beforeVersion} is below 1 or more than one past the
     *     stream's current version
     * @throws StreamLockedException if another writer holds a session on the stream
     */
    long truncateBefore(StreamId streamId, long beforeVersion);
}
