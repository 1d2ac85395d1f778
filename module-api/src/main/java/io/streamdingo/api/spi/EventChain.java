package io.streamdingo.api.spi;

import io.streamdingo.api.StreamId;

/**
 * The engine's rule for linking an event into its stream's hash chain (HS-4), handed to
 * {@link EventStoreBackend#append} because only the backend knows, atomically with the append, the hash of
 * the event before.
 *
 * <p>The backend calls {@link #link} once per appended event, in order, starting from the hash of the
 * stream's last stored event (or {@link #GENESIS} for a new stream, or the stream's truncation anchor),
 * and stores each result with its event.
 */
@FunctionalInterface
public interface EventChain {

    /** The hash before the first event of every stream: 64 zeros. */
    String GENESIS = "0".repeat(64);

    /**
     * The hash of {@code event} stored at {@code streamVersion} of {@code streamId} after an event whose
     * hash is {@code previousHash}.
     *
     * @return 64 lower-case hex digits
     */
    String link(String previousHash, StreamId streamId, long streamVersion, EventToStore event);
}
