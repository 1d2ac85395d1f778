package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.Retention;
import io.streamdingo.api.streams.RetentionTask;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ST-7: time-, count- and size-based retention of persistent streams, oldest events first. */
class RetentionTaskTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final StoreEngine engine =
            EventStores.builder().register(ItemAdded.class).clock(clock).buildEngine();
    private final EventStore store = engine.store();

    private RetentionTask retention(Retention retention) {
        return EventStores.retention(
                engine,
                Topology.of(List.of(StreamDefinition.persistent("orders").withRetention(retention)), List.of()),
                clock);
    }

    /** Appends {@code count} events to {@code stream}, one minute apart. */
    private void fill(StreamId stream, int count) {
        for (int i = 1; i <= count; i++) {
            store.append(stream, ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku", i)));
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private List<Long> versions(StreamId stream) {
        return store.read(stream).map(RecordedEvent::streamVersion).toList();
    }

    @Test
    void countRetentionKeepsTheNewestEvents() {
        StreamId stream = StreamId.of("orders", "o1");
        fill(stream, 10);

        RetentionTask.RetentionReport report =
                retention(Retention.unlimited().withMaxEvents(3)).run();

        assertThat(versions(stream)).containsExactly(8L, 9L, 10L);
        assertThat(report).isEqualTo(new RetentionTask.RetentionReport(1, 1, 7));
    }

    @Test
    void ageRetentionDeletesWhatIsOlderThanTheLimit() {
        StreamId stream = StreamId.of("orders", "o2");
        fill(stream, 10); // recorded at 10:00 .. 10:09, now 10:10

        retention(Retention.unlimited().withMaxAge(Duration.ofMinutes(4))).run();

        assertThat(versions(stream)).containsExactly(7L, 8L, 9L, 10L);
    }

    @Test
    void sizeRetentionKeepsTheNewestEventsThatFit() {
        StreamId stream = StreamId.of("orders", "o3");
        fill(stream, 10);
        int payloadBytes = "{\"quantity\":1,\"sku\":\"sku\"}".length();

        retention(Retention.unlimited().withMaxBytes(payloadBytes * 2L + 5)).run();

        assertThat(versions(stream)).containsExactly(9L, 10L);
    }

    @Test
    void unlimitedStreamsAndOtherCategoriesAreLeftAlone() {
        StreamId other = StreamId.of("invoices", "i1");
        fill(other, 5);

        RetentionTask.RetentionReport report =
                retention(Retention.unlimited().withMaxEvents(1)).run();

        assertThat(versions(other)).hasSize(5);
        assertThat(report.eventsDeleted()).isZero();
    }

    @Test
    void aStreamWithinItsLimitsKeepsEverythingAndStillVerifies() {
        StreamId stream = StreamId.of("orders", "o4");
        fill(stream, 3);

        retention(Retention.unlimited().withMaxEvents(5)).run();
        retention(Retention.unlimited().withMaxEvents(2)).run();

        assertThat(versions(stream)).containsExactly(2L, 3L);
        assertThat(store.verify(stream).intact()).isTrue();
    }
}
