package io.streamdingo.api;

/**
 * The backend (database) could not be reached or failed for a reason that is not the caller's fault. The
 * driver's exception is the cause. Whether the operation took effect is unknown when this is thrown by a
 * write: read the stream back before retrying, or retry with the same event ids.
 */
public final class StoreUnavailableException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
