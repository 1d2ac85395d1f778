package io.streamdingo.api.spi;

import io.streamdingo.api.StreamId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot as a {@link SnapshotStore} keeps it: the state of a stream after {@code version}, serialized
 * in canonical JSON, with what is needed to decide later whether it can still be trusted (SN-2, HS-5).
 *
 * @param streamId the stream the state was built from
 * @param stateType the stable name of the state's type (an aggregate type's name)
 * @param version the stream version of the last event applied
 * @param state the canonical JSON of the state; the array is owned by the store from now on
 * @param stateHash SHA-256 of {@code state}, 64 lower-case hex digits (HS-3)
 * @param contributors for every event type the state has seen, the fingerprint of the handler that
 *     applied it ({@code "none"} when no handler did); an unmodifiable copy is kept
 * @param createdAt when the snapshot was taken
 */
public record StoredSnapshot(
        StreamId streamId,
        String stateType,
        long version,
        byte[] state,
        String stateHash,
        Map<String, String> contributors,
        Instant createdAt) {

    public StoredSnapshot {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(stateType, "stateType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(createdAt, "createdAt");
        contributors = Map.copyOf(contributors);
        if (version < 1) {
            throw new IllegalArgumentException("a snapshot follows at least one event; version was " + version);
        }
    }

    /** Omits the state, which may hold personal data (SEC-2). */
    @Override
    public String toString() {
        return "StoredSnapshot[" + streamId + "@" + version + ", " + stateType + ", hash " + stateHash + "]";
    }
}
