package io.streamdingo.api.replay;

import java.util.Objects;

/**
 * How the replay engine rebuilt a state, and why (SN-2): from a snapshot, or by applying every event.
 * Logged at each load and counted in {@link ReplayStatistics}.
 */
public sealed interface ReplayDecision {

    /** Why this path was taken, in words. */
    String reason();

    /**
     * Started from the snapshot at {@code snapshotVersion} and applied only the newer events.
     *
     * @param snapshotVersion the snapshot's version
     * @param latest whether it was the newest snapshot of the stream; false when newer ones were built by
     *     handlers that have changed since
     * @param reason why
     */
    record FromSnapshot(long snapshotVersion, boolean latest, String reason) implements ReplayDecision {
        public FromSnapshot {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Applied every event from the start of the stream.
     *
     * @param reason why: no snapshot, every snapshot built by changed handlers or corrupt, or asked for
     */
    record FullReplay(String reason) implements ReplayDecision {
        public FullReplay {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
