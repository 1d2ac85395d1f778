package io.streamdingo.api;

import java.util.UUID;

/** An appended event reuses an event id that is already stored or repeats within the batch. Nothing was written. */
public final class DuplicateEventIdException extends StreamDingoException {

    private static final long serialVersionUID = 1L;

    private final UUID eventId;

    public DuplicateEventIdException(StreamId streamId, UUID eventId) {
        super("cannot append event " + eventId + " to stream " + streamId
                + ": an event with this id is already stored or appears twice in the batch; "
                + "give every new event a fresh id (a retry of an append that succeeded needs no new append)");
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
