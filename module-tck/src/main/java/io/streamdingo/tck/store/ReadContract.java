package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamRange;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ES-3: whole streams, slices, backwards, lazily. */
public interface ReadContract extends ContractFixture {

    @Test
    default void wholeStreamComesBackOldestFirstWithItsPayloads() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);

        List<RecordedEvent> events = store().read(stream).toList();

        assertThat(versions(events)).containsExactly(1L, 2L, 3L);
        assertThat(events)
                .extracting(RecordedEvent::payload)
                .containsExactly(new ItemAdded("sku-1", 1), new ItemAdded("sku-2", 2), new ItemAdded("sku-3", 3));
    }

    @Test
    default void sliceFromFiftyToSeventyFiveOfAHundredReturnsExactlyThoseVersions() {
        StreamId stream = newStreamId();
        appendItems(stream, 100);

        List<RecordedEvent> events =
                store().read(stream, StreamRange.slice(50, 75)).toList();

        assertThat(versions(events)).isEqualTo(versionRange(50, 75));
    }

    @Test
    default void fromFiveToTheEndOfTenReturnsFiveToTen() {
        StreamId stream = newStreamId();
        appendItems(stream, 10);

        List<RecordedEvent> events = store().read(stream, StreamRange.from(5)).toList();

        assertThat(versions(events)).isEqualTo(versionRange(5, 10));
    }

    @Test
    default void startingAfterTheEndReturnsNothing() {
        StreamId stream = newStreamId();
        appendItems(stream, 10);

        assertThat(store().read(stream, StreamRange.from(15)).toList()).isEmpty();
    }

    @Test
    default void sliceReachingPastTheEndReturnsWhatExists() {
        StreamId stream = newStreamId();
        appendItems(stream, 10);

        List<RecordedEvent> events =
                store().read(stream, StreamRange.slice(8, 20)).toList();

        assertThat(versions(events)).containsExactly(8L, 9L, 10L);
    }

    @Test
    default void unknownStreamReadsEmpty() {
        assertThat(store().read(newStreamId()).toList()).isEmpty();
    }

    @Test
    default void backwardsReturnsNewestFirst() {
        StreamId stream = newStreamId();
        appendItems(stream, 10);

        List<RecordedEvent> events =
                store().read(stream, StreamRange.backwards()).toList();

        assertThat(versions(events)).isEqualTo(versionsDescending(10, 1));
    }

    @Test
    default void backwardsFromAVersionStopsAtTheFirstEvent() {
        StreamId stream = newStreamId();
        appendItems(stream, 20);

        List<RecordedEvent> events =
                store().read(stream, StreamRange.backwardsFrom(12)).toList();

        assertThat(versions(events)).isEqualTo(versionsDescending(12, 1));
    }

    @Test
    default void readsFetchOnlyThePagesThatAreConsumed() {
        StreamId stream = newStreamId();
        appendItems(stream, 100);
        long before = backend().streamEventsRead();

        List<RecordedEvent> firstThree = store().read(stream).limit(3).toList();

        assertThat(versions(firstThree)).containsExactly(1L, 2L, 3L);
        assertThat(backend().streamEventsRead() - before).isLessThanOrEqualTo(PAGE_SIZE);
    }

    @Test
    default void aLongStreamIsReadCompletelyAcrossManyPages() {
        StreamId stream = newStreamId();
        for (int batch = 0; batch < 10; batch++) {
            appendItems(stream, 100);
        }

        try (Stream<RecordedEvent> events = store().read(stream)) {
            assertThat(versions(events.toList())).isEqualTo(versionRange(1, 1_000));
        }
    }

    @Test
    default void aReadSeesTheStreamAsItWasWhenTheReadBegan() {
        StreamId stream = newStreamId();
        appendItems(stream, 10);
        Iterator<RecordedEvent> reading = store().read(stream).iterator();
        reading.next();

        store().append(stream, ExpectedVersion.exact(10), NewEvent.of(new ItemAdded("late", 1)));

        long seen = 1;
        while (reading.hasNext()) {
            reading.next();
            seen++;
        }
        assertThat(seen).isEqualTo(10);
    }
}
