package io.streamdingo.engine.replay;

import io.streamdingo.api.replay.ReplayDecision;
import io.streamdingo.api.replay.ReplayStatistics;
import java.util.concurrent.atomic.LongAdder;

/** The replay engine's decision counters (SN-2, HS-5); cheap to update from many threads. */
final class ReplayCounters {

    private final LongAdder fullReplays = new LongAdder();
    private final LongAdder latestSnapshotLoads = new LongAdder();
    private final LongAdder olderSnapshotLoads = new LongAdder();
    private final LongAdder staleSnapshotsSkipped = new LongAdder();
    private final LongAdder corruptSnapshotsDiscarded = new LongAdder();
    private final LongAdder snapshotsTaken = new LongAdder();

    void decided(ReplayDecision decision) {
        if (decision instanceof ReplayDecision.FromSnapshot fromSnapshot) {
            (fromSnapshot.latest() ? latestSnapshotLoads : olderSnapshotLoads).increment();
        } else {
            fullReplays.increment();
        }
    }

    void staleSkipped() {
        staleSnapshotsSkipped.increment();
    }

    void corruptDiscarded() {
        corruptSnapshotsDiscarded.increment();
    }

    void snapshotTaken() {
        snapshotsTaken.increment();
    }

    ReplayStatistics snapshot() {
        return new ReplayStatistics(
                fullReplays.sum(),
                latestSnapshotLoads.sum(),
                olderSnapshotLoads.sum(),
                staleSnapshotsSkipped.sum(),
                corruptSnapshotsDiscarded.sum(),
                snapshotsTaken.sum());
    }
}
