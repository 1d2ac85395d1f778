package io.streamdingo.api.streams;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long a persistent stream keeps its events, or how long an ephemeral message may wait (ST-7). Limits
 * combine: an event goes when any of them says so.
 *
 * @param maxAge how long an event is kept after it was recorded; null for no limit
 * @param maxEvents how many events a stream keeps at most; 0 for no limit
 * @param maxBytes how many payload bytes a stream keeps at most; 0 for no limit
 */
public record Retention(@Nullable Duration maxAge, long maxEvents, long maxBytes) {

    /**
     * @throws IllegalArgumentException if a limit is negative or zero-length
     */
    public Retention {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("a retention age must be positive; got " + maxAge);
        }
        if (maxEvents < 0 || maxBytes < 0) {
            throw new IllegalArgumentException(
                    "retention limits are 0 (none) or positive; got maxEvents " + maxEvents + ", maxBytes " + maxBytes);
        }
    }

    /** Everything is kept; the default. */
    public static Retention unlimited() {
        return new Retention(null, 0, 0);
    }

    /** This retention, also dropping events older than {@code age}. */
    public Retention withMaxAge(Duration age) {
        return new Retention(age, maxEvents, maxBytes);
    }

    /** This retention, also keeping at most {@code events} events per stream. */
    public Retention withMaxEvents(long events) {
        return new Retention(maxAge, events, maxBytes);
    }

    /** This retention, also keeping at most {@code bytes} payload bytes per stream. */
    public Retention withMaxBytes(long bytes) {
        return new Retention(maxAge, maxEvents, bytes);
    }

    /** True if nothing is ever dropped. */
    public boolean isUnlimited() {
        return maxAge == null && maxEvents == 0 && maxBytes == 0;
    }
}
