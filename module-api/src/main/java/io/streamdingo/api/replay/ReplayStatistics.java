package io.streamdingo.api.replay;

/**
 * Counters of the replay engine's decisions since it started (SN-2, HS-5), for metrics and tests.
 *
 * @param fullReplays loads that applied every event
 * @param latestSnapshotLoads loads that started from the newest snapshot
 * @param olderSnapshotLoads loads that started from an older snapshot because newer ones were stale
 * @param staleSnapshotsSkipped snapshots passed over because a handler that built them has changed
 * @param corruptSnapshotsDiscarded snapshots whose state no longer matched their hash, deleted
 * @param snapshotsTaken snapshots stored
 */
public record ReplayStatistics(
        long fullReplays,
        long latestSnapshotLoads,
        long olderSnapshotLoads,
        long staleSnapshotsSkipped,
        long corruptSnapshotsDiscarded,
        long snapshotsTaken) {}
