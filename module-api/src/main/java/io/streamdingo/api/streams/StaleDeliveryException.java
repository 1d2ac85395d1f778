package io.streamdingo.api.streams;

/**
 * A {@link Delivery} can no longer be settled: its visibility timeout passed or its consumer left, and the
 * event was handed to another attempt (perhaps to another consumer), which now settles it. Nothing is lost;
 * under at-least-once the event may be processed twice, under exactly-once the processed-events record
 * makes the second attempt a duplicate.
 */
public final class StaleDeliveryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** A stale delivery, with a message naming the event, the attempt and the subscription. */
    public StaleDeliveryException(String message) {
        super(message);
    }
}
