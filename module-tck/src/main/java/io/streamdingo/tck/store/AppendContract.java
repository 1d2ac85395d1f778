package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.DuplicateEventIdException;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ES-1: atomic appends with an expected version. */
public interface AppendContract extends ContractFixture {

    @Test
    default void firstAppendWithNoStreamStartsAtVersionOne() {
        StreamId stream = newStreamId();

        AppendResult result = store().append(stream, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1)));

        assertThat(result.firstVersion()).isEqualTo(1);
        assertThat(result.currentVersion()).isEqualTo(1);
        assertThat(store().read(stream).toList()).singleElement().satisfies(e -> assertThat(e.streamVersion())
                .isEqualTo(1));
    }

    @Test
    default void multiEventAppendGetsConsecutiveVersions() {
        StreamId stream = newStreamId();
        appendItems(stream, 2);

        AppendResult result = store().append(
                        stream,
                        ExpectedVersion.exact(2),
                        NewEvent.all(new ItemAdded("c", 3), new ItemAdded("d", 4), new ItemRemoved("c")));

        assertThat(result.firstVersion()).isEqualTo(3);
        assertThat(result.currentVersion()).isEqualTo(5);
        assertThat(versions(store().read(stream).toList())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    default void appendWithTheExactCurrentVersionSucceeds() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);

        AppendResult result = store().append(stream, ExpectedVersion.exact(3), NewEvent.of(new ItemRemoved("sku-1")));

        assertThat(result.currentVersion()).isEqualTo(4);
    }

    @Test
    default void appendWithStaleVersionFailsAndWritesNothing() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(2), NewEvent.of(new ItemRemoved("x"))))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(store().currentVersion(stream)).isEqualTo(3);
        assertThat(store().read(stream).map(RecordedEvent::payload)).noneMatch(ItemRemoved.class::isInstance);
    }

    @Test
    default void multiEventAppendWithStaleVersionLeavesNoneOfItsEventsVisible() {
        StreamId stream = newStreamId();
        appendItems(stream, 1);
        long head = store().headPosition();
        List<NewEvent> batch = NewEvent.all(new ItemRemoved("a"), new ItemRemoved("b"), new ItemRemoved("c"));

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.noStream(), batch))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(store().read(stream).toList()).hasSize(1);
        assertThat(store().readAll(head).toList()).isEmpty();
        assertThat(store().headPosition()).isEqualTo(head);
    }

    @Test
    default void noStreamOnAStreamWithEventsFails() {
        StreamId stream = newStreamId();
        appendItems(stream, 1);

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.noStream(), NewEvent.of(new ItemRemoved("a"))))
                .isInstanceOf(WrongExpectedVersionException.class);
    }

    @Test
    default void exactVersionOnAnUnknownStreamFailsWithActualVersionZero() {
        StreamId stream = newStreamId();

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(1), NewEvent.of(new ItemRemoved("a"))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion())
                        .isZero());
        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void anyAppendsWhateverTheVersion() {
        StreamId stream = newStreamId();
        appendItems(stream, 4);

        AppendResult result = store().append(stream, ExpectedVersion.any(), NewEvent.of(new ItemRemoved("a")));

        assertThat(result.currentVersion()).isEqualTo(5);
    }

    @Test
    default void versionConflictNamesTheStreamTheExpectedAndTheActualVersion() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(1), NewEvent.of(new ItemRemoved("a"))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.streamId()).isEqualTo(stream);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exact(1));
                    assertThat(e.actualVersion()).isEqualTo(3);
                    assertThat(e.getMessage()).contains(stream.toString(), "version 1", "version 3");
                });
    }

    @Test
    default void twoWritersWithTheSameExpectedVersionCannotBothSucceed() {
        StreamId stream = newStreamId();
        appendItems(stream, 1);
        store().append(stream, ExpectedVersion.exact(1), NewEvent.of(new ItemRemoved("first writer")));

        assertThatThrownBy(
                        () -> store().append(stream, ExpectedVersion.exact(1), NewEvent.of(new ItemRemoved("second"))))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store().currentVersion(stream)).isEqualTo(2);
    }

    @Test
    default void resultGivesTheExpectedVersionForTheNextAppend() {
        StreamId stream = newStreamId();
        AppendResult first = appendItems(stream, 2);

        AppendResult second = store().append(stream, first.nextExpectedVersion(), NewEvent.of(new ItemRemoved("a")));

        assertThat(second.currentVersion()).isEqualTo(3);
    }

    @Test
    default void aReusedEventIdIsRejectedAndNothingIsWritten() {
        StreamId stream = newStreamId();
        StreamId other = newStreamId();
        UUID id = UUID.randomUUID();
        store().append(
                        stream,
                        ExpectedVersion.any(),
                        NewEvent.of(new ItemAdded("a", 1)).withEventId(id));

        assertThatThrownBy(() -> store().append(
                                other,
                                ExpectedVersion.any(),
                                NewEvent.all(new ItemAdded("b", 1)).get(0),
                                NewEvent.of(new ItemAdded("c", 1)).withEventId(id)))
                .isInstanceOfSatisfying(DuplicateEventIdException.class, e -> assertThat(e.eventId())
                        .isEqualTo(id));

        assertThat(store().currentVersion(other)).isZero();
    }

    @Test
    default void anEventIdRepeatedWithinOneAppendIsRejected() {
        StreamId stream = newStreamId();
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> store().append(
                                stream,
                                ExpectedVersion.any(),
                                NewEvent.of(new ItemAdded("a", 1)).withEventId(id),
                                NewEvent.of(new ItemAdded("b", 1)).withEventId(id)))
                .isInstanceOf(DuplicateEventIdException.class);

        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void streamsHaveIndependentVersions() {
        StreamId first = newStreamId();
        StreamId second = newStreamId();
        appendItems(first, 3);

        AppendResult result = store().append(second, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1)));

        assertThat(result.currentVersion()).isEqualTo(1);
        assertThat(store().currentVersion(first)).isEqualTo(3);
    }
}
