package io.streamdingo.engine.store;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.SessionClosedException;
import io.streamdingo.api.SessionExpiredException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamSession;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A lease on one stream (ES-7). The backend checks the lease in the same atomic step as each write; the
 * local expiry check only gives a clear error without a round trip.
 */
final class StoreSession implements StreamSession {

    private static final System.Logger LOG = System.getLogger(StoreSession.class.getName());

    private final DefaultEventStore store;
    private final StreamId streamId;
    private final String sessionId;
    private final Duration timeout;
    private volatile Instant expiresAt;
    private volatile boolean closed;

    StoreSession(DefaultEventStore store, StreamId streamId, String sessionId, Duration timeout, Instant expiresAt) {
        this.store = store;
        this.streamId = streamId;
        this.sessionId = sessionId;
        this.timeout = timeout;
        this.expiresAt = expiresAt;
    }

    @Override
    public StreamId streamId() {
        return streamId;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public synchronized AppendResult append(ExpectedVersion expected, List<NewEvent> events) {
        Instant now = requireLive();
        AppendResult result = store.append(streamId, expected, events, sessionId, timeout);
        expiresAt = now.plus(timeout);
        return result;
    }

    @Override
    public synchronized void renew() {
        Instant now = requireLive();
        Instant renewed = now.plus(timeout);
        store.backend().renewLease(streamId, sessionId, now, renewed);
        expiresAt = renewed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!store.isOpen()) {
            return; // the backend went with the store; nothing left to release
        }
        try {
            store.backend().releaseLease(streamId, sessionId);
            LOG.log(Level.DEBUG, () -> "session " + sessionId + " on " + streamId + " closed");
        } catch (RuntimeException e) {
            // The lease ends by itself at expiresAt; a failed release must not mask the caller's own error.
            LOG.log(
                    Level.WARNING,
                    "session " + sessionId + " on " + streamId + " could not release its lease; it expires at "
                            + expiresAt,
                    e);
        }
    }

    private Instant requireLive() {
        if (closed) {
            throw new SessionClosedException(streamId, sessionId);
        }
        Instant now = store.now();
        if (!now.isBefore(expiresAt)) {
            throw new SessionExpiredException(streamId, sessionId, expiresAt);
        }
        return now;
    }
}
