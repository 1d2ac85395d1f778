package io.streamdingo.api;

/**
 * Stored data was altered: an event's hash does not continue the stream's hash chain, or a snapshot's
 * state does not match its hash. The data is not used.
 */
public final class IntegrityViolationException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    private final transient StreamId streamId;
    private final long version;
    private final String expectedHash;
    private final String foundHash;

    public IntegrityViolationException(StreamId streamId, long version, String expectedHash, String foundHash) {
        super("stream " + streamId + " fails its integrity check at version " + version + ": expected hash "
                + expectedHash + " but found " + foundHash
                + "; the stored data was altered: restore it from a backup or investigate before using it");
        this.streamId = streamId;
        this.version = version;
        this.expectedHash = expectedHash;
        this.foundHash = foundHash;
    }

    public StreamId streamId() {
        return streamId;
    }

    public long version() {
        return version;
    }

    public String expectedHash() {
        return expectedHash;
    }

    public String foundHash() {
        return foundHash;
    }
}
