package io.streamdingo.api.replay;

/**
 * When the replay engine stores a snapshot after loading a stream (SN-3). A policy is a predicate over
 * the loaded state; {@link ReplayEngine#snapshot} takes one on demand whatever the policy says.
 */
@FunctionalInterface
public interface SnapshotPolicy {

    /** True to store a snapshot of {@code candidate} now. Must be quick and side-effect free. */
    boolean shouldSnapshot(SnapshotCandidate candidate);

    /**
     * A snapshot each time the stream has grown by at least {@code events} events since the last one.
     *
     * @throws IllegalArgumentException if {@code events} is below 1
     */
    static SnapshotPolicy everyEvents(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("a snapshot interval is at least 1 event; got " + events);
        }
        return candidate -> candidate.eventsSinceSnapshot() >= events;
    }

    /** Never automatically; only when {@link ReplayEngine#snapshot} is called. */
    static SnapshotPolicy onDemand() {
        return candidate -> false;
    }
}
