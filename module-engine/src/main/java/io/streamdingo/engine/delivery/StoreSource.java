package io.streamdingo.engine.delivery;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.engine.store.DefaultEventStore;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/** A persistent stream category, read from the event store's global order. */
final class StoreSource implements EventSource {

    private final DefaultEventStore store;
    private final String category;

    StoreSource(DefaultEventStore store, String category) {
        this.store = store;
        this.category = category;
    }

    @Override
    public long head() {
        return store.headPosition();
    }

    @Override
    public Stream<RecordedEvent> after(long position, Map<String, Integer> receiveAs) {
        // decoded one by one, so that an event this application cannot read does not stop the others
        return store.storedCategory(category, position)
                .flatMap(stored -> Undecodable.decode(store, stored, receiveAs).stream());
    }

    @Override
    public long positionBefore(Instant time) {
        return positionBefore(store, category, time);
    }

    /**
     * The global position just before the first event of {@code category} recorded at or after {@code time}:
     * a scan of the category's events in the global order.
     */
    static long positionBefore(EventStore store, String category, Instant time) {
        try (Stream<RecordedEvent> events = store.readCategory(category, 0)) {
            return events.filter(e -> !e.recordedAt().isBefore(time))
                    .findFirst()
                    .map(e -> e.globalPosition() - 1)
                    .orElseGet(store::headPosition);
        }
    }
}
