package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ES-2, ES-3: global positions across streams and reading the global order. */
public interface GlobalOrderContract extends ContractFixture {

    @Test
    default void readAllReturnsEventsOfAllStreamsInAppendOrder() {
        long head = store().headPosition();
        StreamId first = newStreamId();
        StreamId second = newStreamId();
        appendItems(first, 2);
        appendItems(second, 1);
        appendItems(first, 1);

        List<RecordedEvent> events = readAllOf(head, first, second);

        assertThat(events)
                .extracting(e -> e.streamId() + "@" + e.streamVersion())
                .containsExactly(first + "@1", first + "@2", second + "@1", first + "@3");
    }

    @Test
    default void readCategoryReturnsOnlyThatCategorysEventsInGlobalOrder() {
        String category = newCategory();
        StreamId first = StreamId.of(category, "1");
        StreamId second = StreamId.of(category, "2");
        StreamId elsewhere = newStreamId();
        long start = store().headPosition();
        appendItems(first, 1);
        appendItems(elsewhere, 2);
        appendItems(second, 1);
        appendItems(first, 1);

        List<RecordedEvent> events;
        try (var read = store().readCategory(category, start)) {
            events = read.toList();
        }

        assertThat(events).extracting(RecordedEvent::streamId).containsExactly(first, second, first);
        assertThat(events).extracting(RecordedEvent::globalPosition).isSorted();
    }

    @Test
    default void globalPositionsStrictlyIncrease() {
        long head = store().headPosition();
        StreamId[] streams = {newStreamId(), newStreamId(), newStreamId(), newStreamId(), newStreamId()};
        for (StreamId stream : streams) {
            appendItems(stream, 3);
        }

        List<Long> positions = readAllOf(head, streams).stream()
                .map(RecordedEvent::globalPosition)
                .toList();

        assertThat(positions).hasSize(15).isSorted().doesNotHaveDuplicates();
        assertThat(positions.get(0)).isGreaterThan(head);
    }

    @Test
    default void readAllAfterAPositionExcludesThatPosition() {
        StreamId stream = newStreamId();
        appendItems(stream, 1);
        AppendResult second = appendItems(stream, 1);
        appendItems(stream, 1);

        List<RecordedEvent> events = readAllOf(second.lastGlobalPosition(), stream);

        assertThat(events).extracting(RecordedEvent::streamVersion).containsExactly(3L);
    }

    @Test
    default void headPositionIsThePositionOfTheLastAppendedEvent() {
        AppendResult result = appendItems(newStreamId(), 4);

        assertThat(store().headPosition()).isEqualTo(result.lastGlobalPosition());
    }

    @Test
    default void aGlobalReadStopsAtTheHeadSeenWhenItBegan() {
        StreamId stream = newStreamId();
        long start = store().headPosition();
        appendItems(stream, 3);
        Iterator<RecordedEvent> reading = store().readAll(start).iterator();
        reading.next();

        appendItems(stream, 2);

        List<RecordedEvent> rest = new ArrayList<>();
        reading.forEachRemaining(rest::add);
        assertThat(rest).extracting(RecordedEvent::streamVersion).containsExactly(2L, 3L);
        assertThat(readAllOf(start, stream)).hasSize(5);
    }

    @Test
    default void readingFromTheHeadReturnsNothing() {
        appendItems(newStreamId(), 2);

        assertThat(store().readAll(store().headPosition()).toList()).isEmpty();
    }
}
