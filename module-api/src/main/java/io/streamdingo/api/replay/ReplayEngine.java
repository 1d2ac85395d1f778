package io.streamdingo.api.replay;

import io.streamdingo.api.StreamId;
import java.time.Instant;
import java.util.List;

/**
 * Rebuilds state from a stream by applying pure handlers in order, using snapshots it can prove are still
 * valid (SN-1, SN-2, HS-5).
 *
 * <p>{@link #load} is the everyday call: it takes the newest snapshot whose state hash matches and whose
 * contributing handlers are unchanged, applies the newer events, and stores a fresh snapshot when the
 * type's {@link SnapshotPolicy} says so. The other methods replay on purpose, ignoring snapshots, and store
 * nothing. Handler exceptions propagate unchanged; a handler that returns null fails with an
 * {@link IllegalStateException} naming it.
 *
 * <p>In a Jakarta EE application, {@code @Inject ReplayEngine}. Implementations are thread-safe.
 *
 * @see AggregateRepository
 */
public interface ReplayEngine {

    /**
     * The current state of {@code streamId}, from the best valid snapshot (SN-2).
     *
     * @throws io.streamdingo.api.IntegrityViolationException if the type verifies on load and an applied
     *     event breaks the hash chain
     * @throws IllegalArgumentException if the stream is not of the type's category or the type's handler
     *     classes are invalid (the message names the method and the rule)
     */
    <S> LoadedState<S> load(AggregateType<S> type, StreamId streamId);

    /** The current state of {@code streamId} from all its events, ignoring snapshots. */
    <S> LoadedState<S> replay(AggregateType<S> type, StreamId streamId);

    /** The state after {@code version} (time travel by version), from all events up to it. */
    <S> LoadedState<S> replayUntil(AggregateType<S> type, StreamId streamId, long version);

    /** The state as of {@code time}: every event recorded at or before it (time travel by clock). */
    <S> LoadedState<S> replayUntil(AggregateType<S> type, StreamId streamId, Instant time);

    /**
     * The current state starting from the snapshot at {@code snapshotVersion}, after checking its hash and
     * handlers.
     *
     * @throws IllegalStateException if that snapshot does not exist, is corrupt or was built by handlers that
     *     have changed since (the message says which)
     */
    <S> LoadedState<S> replayFrom(AggregateType<S> type, StreamId streamId, long snapshotVersion);

    /** Loads the stream and stores a snapshot of its current state, whatever the policy says. */
    <S> SnapshotInfo snapshot(AggregateType<S> type, StreamId streamId);

    /** The stream's snapshots for {@code type}, newest first. */
    List<SnapshotInfo> snapshots(AggregateType<?> type, StreamId streamId);

    /**
     * Deletes every snapshot of {@code streamId}; the next load replays all events.
     *
     * @return how many were deleted
     */
    int clearSnapshots(StreamId streamId);

    /** The engine's decision counters so far. */
    ReplayStatistics statistics();
}
