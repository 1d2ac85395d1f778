package io.streamdingo.cli.verify;

import java.time.Duration;
import java.util.List;

/**
 * What a verification checked and found.
 *
 * @param events how many events it checked
 * @param streams how many streams they belong to
 * @param snapshots how many snapshots it checked
 * @param problems how many problems it found
 * @param findings the problems, sorted by stream and version (at most {@link #LISTED})
 * @param took how long it ran
 */
public record VerifyReport(
        long events, long streams, long snapshots, long problems, List<Finding> findings, Duration took) {

    /** At most this many problems are listed; all are counted. */
    public static final int LISTED = Findings.KEPT;

    /** True if nothing was found. */
    public boolean intact() {
        return problems == 0;
    }

    /** Events checked per second. */
    public double eventsPerSecond() {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        return events / seconds;
    }
}
