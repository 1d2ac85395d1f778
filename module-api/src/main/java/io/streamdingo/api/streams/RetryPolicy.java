package io.streamdingo.api.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how soon an unacknowledged delivery is tried again before it becomes a dead letter (ST-4):
 * attempt n+1 waits {@code initialBackoff × multiplier^(n-1)}, at most {@code maxBackoff}.
 *
 * @param maxAttempts deliveries in all, the first included; at least 1
 * @param initialBackoff the wait before the second attempt
 * @param multiplier the growth of the wait per attempt; at least 1
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /**
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy allows at least 1 attempt; got " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoffs must satisfy 0 <= initial <= max; got " + initialBackoff + " and " + maxBackoff);
        }
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException("a backoff multiplier is at least 1; got " + multiplier);
        }
    }

    /** 5 attempts, waiting 1 s, 2 s, 4 s, 8 s (at most 1 min): the default. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));
    }

    /** The wait before attempt {@code attempt} (2 or more). */
    public Duration backoffBefore(int attempt) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 2));
        double millis = Math.min(initialBackoff.toMillis() * factor, (double) maxBackoff.toMillis());
        return Duration.ofMillis((long) millis);
    }
}
