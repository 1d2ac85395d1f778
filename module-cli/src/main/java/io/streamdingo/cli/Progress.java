package io.streamdingo.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * A command's progress over a known amount of work, drawn by the progressbar library: a bar with speed and
 * time left on a terminal, a plain line each second elsewhere, or nothing. Thread-safe.
 */
final class Progress implements AutoCloseable {

    private final @Nullable ProgressBar bar;

    private Progress(@Nullable ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts showing {@code task}'s progress towards {@code total} {@code unit}s.
     *
     * @param err where plain lines go (a bar draws on the process's standard error)
     */
    static Progress start(ProgressMode mode, PrintWriter err, String task, long total, String unit) {
        return start(mode, err, task, total, unit, 1);
    }

    /** As {@link #start(ProgressMode, PrintWriter, String, long, String)}, showing amounts in {@code unitSize}s. */
    static Progress start(ProgressMode mode, PrintWriter err, String task, long total, String unit, long unitSize) {
        ProgressMode shown = mode.resolved();
        if (shown == ProgressMode.NONE) {
            return new Progress(null);
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(total, 0))
                .setUnit(" " + unit, unitSize)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS);
        if (shown == ProgressMode.LINES) {
            builder.setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(1_000)
                    .setConsumer(new DelegatingProgressBarConsumer(
                            line -> {
                                err.println(line.strip());
                                err.flush();
                            },
                            100));
        }
        return new Progress(builder.build());
    }

    /** {@code count} more units done. */
    void advance(long count) {
        if (bar != null) {
            bar.stepBy(count);
        }
    }

    /** Draws the final state and stops drawing. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
