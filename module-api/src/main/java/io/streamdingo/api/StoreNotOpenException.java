package io.streamdingo.api;

/** The event store was closed (or never started) and cannot serve the call. */
public final class StoreNotOpenException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    public StoreNotOpenException(String operation) {
        super("the event store is closed and cannot " + operation
                + "; use a store that is open (check the application's shutdown order)");
    }
}
