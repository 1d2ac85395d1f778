package io.streamdingo.api;

/**
 * The root of StreamDingo's domain exceptions (ES-8). Every message says what went wrong, on which stream
 * or event, and what to do; the underlying JPA, JDBC or JMS exception, if any, is kept as the cause.
 *
 * <p>Invalid arguments (a malformed stream id, a null payload, an empty batch) are not domain failures
 * and raise {@link IllegalArgumentException} or {@link NullPointerException} as usual in Java.
 *
 * <p>Messages never contain event payloads (SEC-2): ids, types and versions only.
 *
 * <p>They are EJB application exceptions that roll the transaction back: an enterprise bean's caller gets
 * the exception itself (a {@link WrongExpectedVersionException} to retry, not an {@code EJBException}), and
 * the container does not log it as a system failure. No deployment descriptor is needed for this.
 */
@jakarta.ejb.ApplicationException(rollback = true, inherited = true)
public abstract sealed class StreamDingoException extends RuntimeException
        permits WrongExpectedVersionException,
                StreamLockedException,
                SessionExpiredException,
                SessionClosedException,
                StoreNotOpenException,
                StoreUnavailableException,
                IntegrityViolationException,
                EventDeserializationException,
                UnknownEventTypeException,
                DuplicateEventIdException {

    private static final long serialVersionUID = 1L;

    protected StreamDingoException(String message) {
        super(message);
    }

    protected StreamDingoException(String message, Throwable cause) {
        super(message, cause);
    }
}
