package io.streamdingo.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The role of writing events to a stream with optimistic concurrency (ES-1, ES-2).
 *
 * <p>An append is atomic: either all of its events are stored, with consecutive stream versions and
 * increasing global positions, or none is and nothing of it is ever visible to a reader.
 */
public interface EventAppender {

    /**
     * Appends {@code events} to {@code streamId} if the stream's current version satisfies
     * {@code expected}.
     *
     * @return the versions and position the events received
     * @throws WrongExpectedVersionException if the stream's version does not satisfy {@code expected};
     *     nothing was written
     * @throws StreamLockedException if another writer holds a session on the stream
     * @throws UnknownEventTypeException if a payload's class is not a registered event type
     * @throws DuplicateEventIdException if an event id is already stored or repeats within the batch
     * @throws IllegalArgumentException if {@code events} is empty or a payload cannot be serialized
     * @throws StoreNotOpenException if the store was closed
     * @throws StoreUnavailableException if the backend cannot be reached
     */
    AppendResult append(StreamId streamId, ExpectedVersion expected, List<NewEvent> events);

    /** Appends one or more events; see {@link #append(StreamId, ExpectedVersion, List)}. */
    default AppendResult append(StreamId streamId, ExpectedVersion expected, NewEvent first, NewEvent... more) {
        List<NewEvent> events = new ArrayList<>(1 + more.length);
        events.add(first);
        events.addAll(List.of(more));
        return append(streamId, expected, events);
    }
}
