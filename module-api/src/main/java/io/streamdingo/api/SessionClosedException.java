package io.streamdingo.api;

/** A session was used after it was closed. Nothing was written. */
public final class SessionClosedException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    public SessionClosedException(StreamId streamId, String sessionId) {
        super("session " + sessionId + " on stream " + streamId
                + " is closed; open a new session to write to the stream");
    }
}
