package io.streamdingo.api;

import java.time.Duration;

/**
 * The role of taking exclusive write access to a stream (ES-7).
 *
 * <p>While a session is open, only that session may append to the stream: other sessions and plain
 * appends fail at once with {@link StreamLockedException}. The session's lease ends {@code timeout}
 * after it was opened or last used; a session that is neither used nor renewed expires and the stream
 * is free again, so a crashed writer blocks nobody for longer than its timeout.
 */
public interface StreamSessions {

    /**
     * Opens an exclusive session on {@code streamId}.
     *
     * @param timeout how long the lease lasts without use, between 1 ms and 24 h
     * @throws StreamLockedException naming the holder if another live session holds the stream
     * @throws IllegalArgumentException if the timeout is out of range
     * @throws StoreNotOpenException if the store was closed
     */
    StreamSession openSession(StreamId streamId, Duration timeout);
}
