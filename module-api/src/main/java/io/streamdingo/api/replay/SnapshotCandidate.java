package io.streamdingo.api.replay;

import io.streamdingo.api.StreamId;
import java.util.Objects;

/**
 * What a {@link SnapshotPolicy} decides on: a stream's state after a load.
 *
 * @param streamId the stream
 * @param version the version of the last event applied
 * @param lastSnapshotVersion the version of the newest valid snapshot before this load; 0 if none
 * @param state the current state; a policy must not change it
 */
public record SnapshotCandidate(StreamId streamId, long version, long lastSnapshotVersion, Object state) {

    public SnapshotCandidate {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(state, "state");
    }

    /** Events applied since the last snapshot. */
    public long eventsSinceSnapshot() {
        return version - lastSnapshotVersion;
    }
}
