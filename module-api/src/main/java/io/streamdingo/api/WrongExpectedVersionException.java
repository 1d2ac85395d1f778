package io.streamdingo.api;

/**
 * An append's expected version did not match the stream's current version: another writer appended in
 * between. Nothing of the failed append was written.
 */
public final class WrongExpectedVersionException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    private final transient StreamId streamId;
    private final transient ExpectedVersion expected;
    private final long actualVersion;

    public WrongExpectedVersionException(StreamId streamId, ExpectedVersion expected, long actualVersion) {
        this(streamId, expected, actualVersion, null);
    }

    public WrongExpectedVersionException(
            StreamId streamId, ExpectedVersion expected, long actualVersion, Throwable cause) {
        super(
                "stream " + streamId + ": expected " + expected + " but the stream is at version " + actualVersion
                        + "; reload the stream and decide again, or retry with the current version",
                cause);
        this.streamId = streamId;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    public StreamId streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version when the append was refused (0: the stream has no events). */
    public long actualVersion() {
        return actualVersion;
    }
}
