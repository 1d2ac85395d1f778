package io.streamdingo.api;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A business process instance (WF-1): its id becomes the correlation id of every event it emits, on every
 * stream, so its whole history can be found and followed. A command handler starts a new one or continues
 * the one an incoming event belongs to.
 *
 * <p>Events emitted through a workflow are appended like any other: with the Jakarta Persistence store in a
 * container transaction they become visible, and so deliverable, only when that transaction commits — a
 * rolled-back handler emits nothing, a committed one loses nothing.
 *
 * @param id the workflow id: not blank, at most 1,000 characters
 */
public record Workflow(String id) {

    /** Longest id accepted: the width of the stored correlation id. */
    public static final int MAX_ID_LENGTH = 1_000;

    /**
     * @throws IllegalArgumentException if the id is blank or too long
     */
    public Workflow {
        Objects.requireNonNull(id, "a workflow id must not be null");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a workflow id is 1 to " + MAX_ID_LENGTH
                    + " characters and not blank; got " + (id.isBlank() ? "a blank one" : id.length() + " characters"));
        }
    }

    /** A new workflow with a random id, {@code kind-<uuid>}. */
    public static Workflow start(String kind) {
        return new Workflow(kind + "-" + UUID.randomUUID());
    }

    /** The workflow {@code id}, continued. */
    public static Workflow continuing(String id) {
        return new Workflow(id);
    }

    /** The workflow {@code event} belongs to: its correlation id. */
    public static Optional<Workflow> of(RecordedEvent event) {
        String correlation = event.metadata().correlationId();
        return correlation == null ? Optional.empty() : Optional.of(new Workflow(correlation));
    }

    /** The metadata every event of this workflow carries. */
    public EventMetadata metadata() {
        return EventMetadata.empty().withCorrelationId(id);
    }

    /** {@code payload} as an event of this workflow. */
    public NewEvent event(Object payload) {
        return NewEvent.of(payload, metadata());
    }

    /** {@code payload} as an event of this workflow, caused by {@code cause}. */
    public NewEvent causedBy(RecordedEvent cause, Object payload) {
        return NewEvent.of(payload, metadata().withCausationId(cause.eventId().toString()));
    }
}
