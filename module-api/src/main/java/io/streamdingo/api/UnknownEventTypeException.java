package io.streamdingo.api;

/**
 * An event type is not registered: either a payload of an unregistered class was appended (nothing was
 * written), or a stored event names a type and version this application does not know.
 */
public final class UnknownEventTypeException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    private UnknownEventTypeException(String message) {
        super(message);
    }

    /** An append carried a payload whose class is not registered. */
    public static UnknownEventTypeException forPayload(StreamId streamId, Class<?> payloadType) {
        return new UnknownEventTypeException("cannot append a " + payloadType.getName() + " to stream " + streamId
                + ": the class is not a registered event type; register it with the event store (e.g. "
                + "EventStores.builder().register(" + payloadType.getSimpleName() + ".class))");
    }

    /** A stored event names a type or version that no registered class has. */
    public static UnknownEventTypeException forStored(
            StreamId streamId, long streamVersion, String eventType, int schemaVersion) {
        return new UnknownEventTypeException("cannot read event " + streamId + "@" + streamVersion + ": type "
                + eventType + " v" + schemaVersion + " is not registered; register the class annotated with "
                + "@EventType(name = \"" + eventType + "\", version = " + schemaVersion + ")");
    }
}
