package io.streamdingo.engine.delivery;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.EventReplay;
import io.streamdingo.api.streams.ReplayQuery;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link EventReplay} over the event store's global order. A start by time or event id is found by scanning
 * the global order from its beginning, as the store offers no index by time or id across streams.
 */
public final class StoreReplay implements EventReplay {

    private final EventStore store;

    public StoreReplay(EventStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Stream<RecordedEvent> replay(ReplayQuery query) {
        Objects.requireNonNull(query, "query must not be null");
        long head = store.headPosition();
        long after = startAfter(query.category(), query.from());
        Stream<RecordedEvent> events =
                store.readAll(after).filter(e -> e.globalPosition() <= head).takeWhile(e -> within(query.until(), e));
        return events.filter(e -> e.streamId().category().equals(query.category()))
                .filter(e -> query.eventTypes().isEmpty() || query.eventTypes().contains(e.eventType()))
                .limit(query.maxCount());
    }

    private static boolean within(ReplayQuery.Until until, RecordedEvent event) {
        if (until instanceof ReplayQuery.Until.Position position) {
            return event.globalPosition() <= position.position();
        }
        if (until instanceof ReplayQuery.Until.Time time) {
            return !event.recordedAt().isAfter(time.time());
        }
        return true;
    }

    private long startAfter(String category, ReplayQuery.From from) {
        if (from instanceof ReplayQuery.From.AfterPosition position) {
            return position.position();
        }
        if (from instanceof ReplayQuery.From.AtTime time) {
            return StoreSource.positionBefore(store, category, time.time());
        }
        UUID id = ((ReplayQuery.From.AtEvent) from).eventId();
        try (Stream<RecordedEvent> events = store.readCategory(category, 0)) {
            return events.filter(e -> e.eventId().equals(id))
                    .findFirst()
                    .map(e -> e.globalPosition() - 1)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no event with id " + id + " is stored; replay from a position or a time instead"));
        }
    }
}
