package io.streamdingo.engine.delivery;

/**
 * Wakes the consumers waiting on a subscription when something they may want happened: an append in this
 * JVM, a settled or released delivery. Waiting consumers look again at once instead of polling the store
 * every few milliseconds; appends by other processes are seen by their next look, at the latest after
 * {@link InMemoryConsumer#IDLE_RECHECK}.
 */
final class Wakeup {

    private long version;

    /** The current version, to pass to {@link #await} after looking for work. */
    synchronized long version() {
        return version;
    }

    synchronized void fire() {
        version++;
        notifyAll();
    }

    /**
     * Waits until {@link #fire} was called since {@code seen} was read, or {@code nanos} passed.
     *
     * @throws InterruptedException if the thread was interrupted
     */
    synchronized void await(long seen, long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        long left = nanos;
        while (version == seen && left > 0) {
            wait(Math.max(1, left / 1_000_000));
            left = until - System.nanoTime();
        }
    }
}
