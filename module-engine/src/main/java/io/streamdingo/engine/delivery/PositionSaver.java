package io.streamdingo.engine.delivery;

import io.streamdingo.api.spi.OffsetStore;

/**
 * Saves one subscription position to its {@link OffsetStore} outside the subscription's lock: the state
 * {@linkplain #note notes} each new position under its lock, and whoever settles next {@linkplain #flush
 * flushes} the latest one. Concurrent flushes save in turn and the latest position wins, so a slow database
 * never holds other consumers' acknowledgements and a position is never overwritten by an older one.
 */
final class PositionSaver {

    private final OffsetStore offsets;
    private final String subscription;
    private final String key;
    private final Object flushing = new Object();

    private long noted = -1;
    private long saved = -1;

    PositionSaver(OffsetStore offsets, String subscription, String key) {
        this.offsets = offsets;
        this.subscription = subscription;
        this.key = key;
    }

    /**
     * Notes the position to save.
     *
     * @return whether it differs from the last one noted
     */
    synchronized boolean note(long position) {
        boolean changed = position != noted;
        noted = position;
        return changed;
    }

    /**
     * Saves the latest position noted, if it is not saved yet.
     *
     * @throws io.streamdingo.api.StoreUnavailableException if the store cannot be reached; the next flush
     *     tries again
     */
    void flush() {
        synchronized (flushing) {
            long position;
            synchronized (this) {
                position = noted;
                if (position == saved) {
                    return;
                }
            }
            offsets.save(subscription, key, position);
            synchronized (this) {
                saved = position;
            }
        }
    }
}
