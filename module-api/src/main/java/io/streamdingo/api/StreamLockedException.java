package io.streamdingo.api;

import java.time.Instant;

/** Another session holds the stream; see {@link StreamSessions}. Nothing was written. */
public final class StreamLockedException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    private final transient StreamId streamId;
    private final String holder;
    private final Instant lockedUntil;

    public StreamLockedException(StreamId streamId, String holder, Instant lockedUntil) {
        super("stream " + streamId + " is locked by session " + holder + " until " + lockedUntil
                + "; retry after the holder closes its session or its lease expires");
        this.streamId = streamId;
        this.holder = holder;
        this.lockedUntil = lockedUntil;
    }

    public StreamId streamId() {
        return streamId;
    }

    /** The session id of the holder. */
    public String holder() {
        return holder;
    }

    /** When the holder's lease ends unless it is renewed. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
