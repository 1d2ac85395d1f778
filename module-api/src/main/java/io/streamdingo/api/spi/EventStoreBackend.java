package io.streamdingo.api.spi;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where events are kept: the SPI that the in-memory store and the Jakarta Persistence store implement.
 *
 * <p>A backend persists and returns serialized events with their metadata and enforces what only it can
 * enforce atomically: expected versions, gapless stream versions, unique event ids, session leases and a
 * global order that readers can follow safely. Serialization, upcasting, type registration and the
 * shape of reads are the engine's; a backend holds no rules of its own beyond those.
 *
 * <p>Every implementation must pass the contract suite in {@code io.streamdingo.tck} unchanged.
 * Implementations are thread-safe. Domain failures are reported with the api's exceptions
 * ({@link io.streamdingo.api.WrongExpectedVersionException}, {@link io.streamdingo.api.StreamLockedException},
 * {@link io.streamdingo.api.SessionExpiredException}, {@link io.streamdingo.api.DuplicateEventIdException},
 * {@link io.streamdingo.api.StoreNotOpenException}); infrastructure failures with
 * {@link io.streamdingo.api.StoreUnavailableException} keeping the driver's exception as cause.
 */
public interface EventStoreBackend extends AutoCloseable {

    /**
     * Stores {@code events} at the end of {@code streamId} in one atomic step: checks the guard, the
     * expected version and event-id uniqueness, assigns consecutive stream versions and increasing global
     * positions, links each event into the stream's hash chain with {@code chain} (starting from the hash
     * of the stream's last stored event, else its {@linkplain #truncationAnchor truncation anchor}, else
     * {@link EventChain#GENESIS}), and makes all events visible at once or none of them, ever.
     *
     * @param events at least one event
     * @return the versions and positions assigned
     */
    AppendResult append(
            StreamId streamId, ExpectedVersion expected, List<EventToStore> events, WriteGuard guard, EventChain chain);

    /**
     * Up to {@code limit} events of {@code streamId} with versions in {@code [fromVersion, toVersion]},
     * ascending for {@link ReadDirection#FORWARDS}, descending for {@link ReadDirection#BACKWARDS}.
     * Events removed by truncation are not returned; soft-deleted ones are (the engine hides them).
     */
    List<StoredEvent> readStream(
            StreamId streamId, long fromVersion, long toVersion, ReadDirection direction, int limit);

    /**
     * Up to {@code limit} events with a global position greater than {@code afterPosition}, ascending. An
     * event must not be returned while an event with a lower position may still commit: this is what lets
     * a tailing reader never skip one (ES-2).
     */
    List<StoredEvent> readAll(long afterPosition, int limit);

    /**
     * Up to {@code limit} events of the streams of {@code category} with a global position greater than
     * {@code afterPosition}, ascending, under the same rule as {@link #readAll}: never an event while one with
     * a lower position may still commit. Its cost must not grow with other categories' events (an index on
     * category and position): subscriptions and the outbox relay read one category while others are busy.
     */
    List<StoredEvent> readCategory(String category, long afterPosition, int limit);

    /**
     * Calls {@code listener} with the category of every append through this backend once it is committed —
     * at once for an append in a transaction of its own, when the caller's transaction commits for one that
     * joined it, never for one rolled back — and, where the backend can learn of them, of appends other
     * processes committed to the same store; so that subscriptions and the outbox relay in this process look
     * at once instead of at their next poll. The listener must be quick and must not throw. The default
     * calls nothing: readers then find new events at their next poll.
     */
    default void onCommitted(java.util.function.Consumer<String> listener) {}

    /** The highest position {@link #readAll} can return now; 0 if there is none. */
    long headPosition();

    /**
     * How many events of {@code category} have a position in {@code (afterPosition, upToPosition]}: a
     * subscription's lag. Positions need not be consecutive, so this is a count, not a difference. The default
     * reads the events with {@link #readCategory}; a backend with a query for it overrides it.
     */
    default long countCategory(String category, long afterPosition, long upToPosition) {
        long count = 0;
        long after = afterPosition;
        while (after < upToPosition) {
            List<StoredEvent> page = readCategory(category, after, 1_000);
            for (StoredEvent event : page) {
                if (event.globalPosition() > upToPosition) {
                    return count;
                }
                count++;
            }
            if (page.size() < 1_000) {
                return count;
            }
            after = page.get(page.size() - 1).globalPosition();
        }
        return count;
    }

    /** The stream's current version and first visible version; empty if it was never written. */
    Optional<StreamInfo> streamInfo(StreamId streamId);

    /**
     * Up to {@code limit} streams of {@code category} that have visible events, ordered by id, with an id
     * greater than {@code afterId} (all of them when null).
     */
    List<StreamInfo> listStreams(String category, @Nullable String afterId, int limit);

    /** How many streams of {@code category} have visible events. */
    long countStreams(String category);

    /**
     * Hides the stream's current events: its first visible version becomes its current version plus one,
     * after checking {@code expected} and the guard atomically.
     */
    void softDelete(StreamId streamId, ExpectedVersion expected, WriteGuard guard);

    /**
     * Deletes the stream's events with versions below {@code beforeVersion} for good and raises its first
     * visible version to at least {@code beforeVersion}, after checking the guard.
     *
     * @return how many events were deleted
     */
    long truncateBefore(StreamId streamId, long beforeVersion, WriteGuard guard);

    /**
     * The hash of the last event that {@link #truncateBefore} removed from {@code streamId}: where its hash
     * chain now starts. Empty if nothing was ever truncated.
     */
    Optional<String> truncationAnchor(StreamId streamId);

    /**
     * Gives {@code sessionId} the lease on {@code streamId} until {@code expiresAt}, unless another lease is
     * live at {@code now}.
     *
     * @throws io.streamdingo.api.StreamLockedException naming the live holder
     */
    void acquireLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt);

    /**
     * Extends {@code sessionId}'s lease to {@code expiresAt}.
     *
     * @throws io.streamdingo.api.SessionExpiredException if it holds no lease live at {@code now}
     */
    void renewLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt);

    /** Ends {@code sessionId}'s lease if it holds one; otherwise does nothing. */
    void releaseLease(StreamId streamId, String sessionId);

    /** Releases the backend's resources; later calls fail with {@link io.streamdingo.api.StoreNotOpenException}. */
    @Override
    void close();
}
