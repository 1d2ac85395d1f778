package io.streamdingo.api;

import java.time.Instant;
import java.util.List;

/**
 * Exclusive write access to one stream, obtained from {@link StreamSessions#openSession}.
 *
 * <p>Every successful append and every {@link #renew()} extends the lease by the session's timeout.
 * Close the session (try-with-resources) to free the stream at once.
 */
public interface StreamSession extends AutoCloseable {

    /** The stream this session holds. */
    StreamId streamId();

    /** The id of the session, as named in {@link StreamLockedException} messages to other writers. */
    String sessionId();

    /** When the lease ends unless the session is used or renewed before. */
    Instant expiresAt();

    /**
     * Appends through the session; see {@link EventAppender#append(StreamId, ExpectedVersion, List)}.
     *
     * @throws SessionExpiredException if the lease ended; nothing was written
     * @throws SessionClosedException if the session was closed; nothing was written
     */
    AppendResult append(ExpectedVersion expected, List<NewEvent> events);

    /**
     * Extends the lease by the session's timeout.
     *
     * @throws SessionExpiredException if the lease already ended (the stream may have a new holder)
     * @throws SessionClosedException if the session was closed
     */
    void renew();

    /** Releases the stream. Closing twice does nothing. */
    @Override
    void close();
}
