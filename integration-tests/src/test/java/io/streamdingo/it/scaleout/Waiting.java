package io.streamdingo.it.scaleout;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what the cluster does, with a deadline that fails the test naming what did not happen. */
final class Waiting {

    private Waiting() {}

    /** Waits up to {@code timeout} until {@code condition} holds, asking every 100 ms. */
    static void until(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
