package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.EventReplay;
import io.streamdingo.api.streams.ReplayQuery;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import io.streamdingo.tck.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ST-6: replaying a stream category from and to positions, times and events, filtered and capped. */
class EventReplayTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final EventStore store = EventStores.builder()
            .register(ItemAdded.class, NoteAdded.class)
            .clock(clock)
            .build();
    private final EventReplay replay = EventStores.replay(store);
    private List<RecordedEvent> orders;

    /** Orders 1..6 one minute apart, interleaved with a note and with events of another category. */
    @BeforeEach
    void recordHistory() {
        for (int i = 1; i <= 6; i++) {
            store.append(
                    StreamId.of("orders", "o" + (i % 2)), ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku", i)));
            store.append(StreamId.of("other", "x"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("noise", i)));
            clock.advance(Duration.ofMinutes(1));
        }
        store.append(StreamId.of("orders", "o1"), ExpectedVersion.any(), NewEvent.of(new NoteAdded("gift")));
        try (Stream<RecordedEvent> all = store.readAll(0)) {
            orders = all.filter(e -> e.streamId().category().equals("orders")).toList();
        }
    }

    private List<Object> payloads(ReplayQuery query) {
        try (Stream<RecordedEvent> events = replay.replay(query)) {
            return events.map(RecordedEvent::payload).toList();
        }
    }

    private static ItemAdded item(int quantity) {
        return new ItemAdded("sku", quantity);
    }

    @Test
    void aCategoryIsReplayedWholeAndAlone() {
        assertThat(payloads(ReplayQuery.of("orders")))
                .containsExactly(item(1), item(2), item(3), item(4), item(5), item(6), new NoteAdded("gift"));
    }

    @Test
    void aReplayStartsAfterAPositionAndStopsAtAnother() {
        ReplayQuery query = ReplayQuery.of("orders")
                .fromAfterPosition(orders.get(1).globalPosition())
                .untilPosition(orders.get(3).globalPosition());

        assertThat(payloads(query)).containsExactly(item(3), item(4));
    }

    @Test
    void aReplayRunsBetweenTwoTimes() {
        Instant start = Instant.parse("2026-11-23T10:02:00Z");
        Instant end = Instant.parse("2026-11-23T10:04:00Z");

        assertThat(payloads(ReplayQuery.of("orders").fromTime(start).untilTime(end)))
                .containsExactly(item(3), item(4), item(5));
    }

    @Test
    void aReplayStartsWithAGivenEvent() {
        assertThat(payloads(ReplayQuery.of("orders").fromEvent(orders.get(4).eventId())))
                .containsExactly(item(5), item(6), new NoteAdded("gift"));
    }

    @Test
    void aReplayIsFilteredByTypeAndCapped() {
        assertThat(payloads(ReplayQuery.of("orders").onlyTypes("tck.NoteAdded")))
                .containsExactly(new NoteAdded("gift"));
        assertThat(payloads(ReplayQuery.of("orders").limit(2))).containsExactly(item(1), item(2));
    }

    @Test
    void aReplayFromAnUnknownEventFailsNamingIt() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> payloads(ReplayQuery.of("orders").fromEvent(unknown)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void aReplayStopsAtTheHeadItSawWhenItStarted() {
        try (Stream<RecordedEvent> events = replay.replay(ReplayQuery.of("orders"))) {
            var iterator = events.iterator();
            iterator.next();
            store.append(StreamId.of("orders", "late"), ExpectedVersion.any(), NewEvent.of(item(99)));
            int rest = 0;
            while (iterator.hasNext()) {
                assertThat(iterator.next().payload()).isNotEqualTo(item(99));
                rest++;
            }
            assertThat(rest).isEqualTo(6);
        }
    }
}
