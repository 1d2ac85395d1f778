package io.streamdingo.api.streams;

/**
 * An {@link EventConsumer} was used after it, or the subscriptions it came from, had been closed. It is the signal
 * for a consuming loop to end: every other exception from {@link EventConsumer#poll} is a failure to retry.
 * Subscribe again to go on consuming.
 */
public final class ConsumerClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** A consumer closed, with a message naming it and its subscription. */
    public ConsumerClosedException(String message) {
        super(message);
    }
}
