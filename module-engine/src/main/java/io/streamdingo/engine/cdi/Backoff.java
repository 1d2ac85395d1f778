package io.streamdingo.engine.cdi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long background work waits after its {@code n}-th failure in a row: doubling from {@code first} up to
 * {@code max}, each wait drawn between half and all of that (jitter), so that several servers that lost the
 * same database do not all come back in the same millisecond.
 *
 * @param first the wait after the first failure
 * @param max the longest wait
 */
record Backoff(Duration first, Duration max) {

    /** The wait after {@code failures} failures in a row (1 for the first). */
    Duration after(int failures) {
        long ceiling = first.toMillis();
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
