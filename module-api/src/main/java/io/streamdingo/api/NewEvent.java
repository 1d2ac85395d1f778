package io.streamdingo.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append: the domain payload, the context it is appended in, and its id.
 *
 * <p>The payload is any registered event type (a record or a class, see {@link EventType}). The event id
 * identifies the event everywhere (store, messages, dedup tables); give your own when you need an
 * idempotent retry of the same event, otherwise {@link #of(Object)} draws one: a version-7 UUID (time-ordered,
 * 74 random bits), which databases index more cheaply than fully random ids.
 *
 * @param eventId the unique id of this event
 * @param payload the domain event
 * @param metadata the context of the append
 */
public record NewEvent(UUID eventId, Object payload, EventMetadata metadata) {

    /** @throws NullPointerException naming the missing part */
    public NewEvent {
        Objects.requireNonNull(eventId, "eventId must not be null; use NewEvent.of(payload) for a random id");
        Objects.requireNonNull(payload, "event payload must not be null; append a registered event object");
        Objects.requireNonNull(metadata, "metadata must not be null; use EventMetadata.empty()");
    }

    /** An event with a new time-ordered id and empty metadata. */
    public static NewEvent of(Object payload) {
        return new NewEvent(TimeOrderedIds.next(), payload, EventMetadata.empty());
    }

    /** An event with a new time-ordered id and the given metadata. */
    public static NewEvent of(Object payload, EventMetadata metadata) {
        return new NewEvent(TimeOrderedIds.next(), payload, metadata);
    }

    /** One {@link NewEvent} per payload, each with a new time-ordered id and empty metadata. */
    public static List<NewEvent> all(Object... payloads) {
        return Arrays.stream(payloads).map(NewEvent::of).toList();
    }

    public NewEvent withEventId(UUID id) {
        return new NewEvent(id, payload, metadata);
    }

    public NewEvent withMetadata(EventMetadata value) {
        return new NewEvent(eventId, payload, value);
    }
}
