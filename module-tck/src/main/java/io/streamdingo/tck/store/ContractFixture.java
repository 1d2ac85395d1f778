package io.streamdingo.tck.store;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * What every contract test is given: a fresh store over the backend under test, a hand-moved clock, and
 * stream ids and categories that no other test uses (so suites can share one real database).
 */
public interface ContractFixture {

    /** Events per backend read in the suites: small, so that paging boundaries are crossed often. */
    int PAGE_SIZE = 7;

    /** The store under test, over {@link #backend()}, with the kit's event types registered. */
    EventStore store();

    /** The store's backend, wrapped to count what it hands out. */
    RecordingBackend backend();

    /** The store's clock. */
    TestClock clock();

    /** Changes the stored events behind the engine's back (integrity tests). */
    StoreTampering tampering();

    /** The snapshot store under test. */
    SnapshotStore snapshotStore();

    /** Where the store keeps the data subjects' keys for the personal data of its events. */
    SubjectKeyStore subjectKeys();

    /** The replay engine over {@link #store()} and {@link #snapshotStore()}. */
    ReplayEngine replay();

    /** A second store over the same backend, as another server would be, named {@code nodeName}. */
    EventStore anotherNode(String nodeName);

    /** A stream id no other test uses. */
    StreamId newStreamId();

    /** A category no other test uses. */
    String newCategory();

    /** Appends {@code count} {@link ItemAdded} events in one append; quantities are 1 … count. */
    default AppendResult appendItems(StreamId streamId, int count) {
        List<NewEvent> events = IntStream.rangeClosed(1, count)
                .mapToObj(i -> NewEvent.of(new ItemAdded("sku-" + i, i)))
                .toList();
        return store().append(streamId, ExpectedVersion.any(), events);
    }

    /** The stream versions a read returns, in order. */
    default List<Long> versions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::streamVersion).toList();
    }

    /** The versions {@code from} … {@code to}, both included. */
    default List<Long> versionRange(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** The versions {@code from} down to {@code to}, both included. */
    default List<Long> versionsDescending(long from, long to) {
        return LongStream.rangeClosed(to, from).map(v -> from + to - v).boxed().toList();
    }

    /** The events of the global order after {@code position} that belong to {@code streams}. */
    default List<RecordedEvent> readAllOf(long position, StreamId... streams) {
        List<StreamId> wanted = List.of(streams);
        return store().readAll(position)
                .filter(e -> wanted.contains(e.streamId()))
                .toList();
    }
}
