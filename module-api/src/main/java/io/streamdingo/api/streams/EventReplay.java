package io.streamdingo.api.streams;

import io.streamdingo.api.RecordedEvent;
import java.util.stream.Stream;

/**
 * Replays a persistent stream category from the event store (ST-6), lazily and in global order. For
 * continuing live after the replay, subscribe with a {@link StartPosition} instead: a subscription catches
 * up and hands over to live events without gap or duplicate.
 */
public interface EventReplay {

    /**
     * The events {@code query} selects, upcast to their newest versions. Close the stream when done.
     *
     * @throws IllegalArgumentException if the query starts from an event id the store does not hold
     */
    Stream<RecordedEvent> replay(ReplayQuery query);
}
