package io.streamdingo.api.replay;

import io.streamdingo.api.StreamId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored snapshot as the replay engine describes it, without its state.
 *
 * @param streamId the stream
 * @param version the version of the last event it includes
 * @param stateHash the SHA-256 of its canonical state
 * @param contributors event type name → fingerprint of the handler that applied it ({@code "none"} if none)
 * @param createdAt when it was taken
 */
public record SnapshotInfo(
        StreamId streamId, long version, String stateHash, Map<String, String> contributors, Instant createdAt) {

    public SnapshotInfo {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(stateHash, "stateHash");
        contributors = Map.copyOf(contributors);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
