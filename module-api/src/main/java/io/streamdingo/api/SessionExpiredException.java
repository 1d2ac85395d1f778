package io.streamdingo.api;

import java.time.Instant;

/** A session was used after its lease ended; another writer may hold the stream now. Nothing was written. */
public final class SessionExpiredException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    private final transient StreamId streamId;
    private final String sessionId;

    public SessionExpiredException(StreamId streamId, String sessionId, Instant expiredAt) {
        super("session " + sessionId + " on stream " + streamId + " expired at " + expiredAt
                + "; open a new session, reload the stream and decide again");
        this.streamId = streamId;
        this.sessionId = sessionId;
    }

    public StreamId streamId() {
        return streamId;
    }

    public String sessionId() {
        return sessionId;
    }
}
