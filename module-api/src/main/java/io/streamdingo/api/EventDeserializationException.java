package io.streamdingo.api;

/**
 * A stored event's payload could not be turned back into its Java type: it is corrupt, or the type's
 * shape changed without a new schema version and an upcaster. The serializer's exception is the cause.
 */
public final class EventDeserializationException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    private final transient StreamId streamId;
    private final long streamVersion;
    private final String eventType;
    private final int schemaVersion;

    public EventDeserializationException(
            StreamId streamId,
            long streamVersion,
            String eventType,
            int schemaVersion,
            String reason,
            Throwable cause) {
        super(
                "cannot read event " + streamId + "@" + streamVersion + " of type " + eventType + " v" + schemaVersion
                        + ": " + reason
                        + "; if the type changed shape, give it a new @EventType version with an upcaster",
                cause);
        this.streamId = streamId;
        this.streamVersion = streamVersion;
        this.eventType = eventType;
        this.schemaVersion = schemaVersion;
    }

    public StreamId streamId() {
        return streamId;
    }

    public long streamVersion() {
        return streamVersion;
    }

    public String eventType() {
        return eventType;
    }

    public int schemaVersion() {
        return schemaVersion;
    }
}
