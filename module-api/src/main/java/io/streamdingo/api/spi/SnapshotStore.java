package io.streamdingo.api.spi;

import io.streamdingo.api.StreamId;
import java.util.List;

/**
 * Where snapshots are kept: the SPI that the in-memory store and the Jakarta Persistence store implement.
 *
 * <p>A snapshot store keeps bytes and never judges them: whether a snapshot may be used (state hash,
 * handler fingerprints) is the engine's decision. A snapshot is identified by stream, state type and
 * version; saving one that exists replaces it. Implementations are thread-safe and must pass the snapshot
 * contract in {@code io.streamdingo.tck}.
 */
public interface SnapshotStore {

    /** Stores {@code snapshot}, replacing one of the same stream, state type and version. */
    void save(StoredSnapshot snapshot);

    /** The snapshots of {@code streamId} for {@code stateType}, newest (highest version) first. */
    List<StoredSnapshot> list(StreamId streamId, String stateType);

    /** Deletes one snapshot; does nothing if it does not exist. */
    void delete(StreamId streamId, String stateType, long version);

    /**
     * Keeps the {@code count} newest snapshots of {@code streamId} for {@code stateType} and deletes the
     * others.
     *
     * @return how many were deleted
     */
    int keepLatest(StreamId streamId, String stateType, int count);

    /**
     * Deletes every snapshot of {@code streamId}, of every state type.
     *
     * @return how many were deleted
     */
    int clear(StreamId streamId);
}
