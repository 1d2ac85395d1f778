package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.StreamLockedException;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** ES-9: streams by category; listing, counting, soft and hard deletion. */
public interface StreamCatalogContract extends ContractFixture {

    @Test
    default void listsTheStreamsOfACategoryOrderedById() {
        String category = newCategory();
        List<String> ids = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> String.format("s%02d", i))
                .toList();
        for (int i = ids.size() - 1; i >= 0; i--) {
            appendItems(StreamId.of(category, ids.get(i)), 1);
        }
        appendItems(StreamId.of(newCategory(), "elsewhere"), 1);

        List<StreamInfo> listed = store().listStreams(category).toList();

        assertThat(listed).extracting(info -> info.streamId().id()).containsExactlyElementsOf(ids);
        assertThat(listed).allSatisfy(info -> assertThat(info.currentVersion()).isEqualTo(1));
    }

    @Test
    default void listsTheStreamsAfterAnIdForTheNextPage() {
        String category = newCategory();
        for (String id : List.of("c", "a", "e", "b", "d")) {
            appendItems(StreamId.of(category, id), 1);
        }

        List<StreamInfo> rest = store().listStreams(category, "b").toList();

        assertThat(rest).extracting(info -> info.streamId().id()).containsExactly("c", "d", "e");
    }

    @Test
    default void countsTheStreamsOfACategory() {
        String category = newCategory();
        for (int i = 0; i < 12; i++) {
            appendItems(StreamId.of(category, "s" + i), 2);
        }

        assertThat(store().countStreams(category)).isEqualTo(12);
    }

    @Test
    default void countsTheEventsOfACategory() {
        String category = newCategory();
        for (int i = 0; i < 3; i++) {
            appendItems(StreamId.of(category, "s" + i), 4);
        }
        appendItems(StreamId.of(newCategory(), "elsewhere"), 2);

        assertThat(store().countEvents(category)).isEqualTo(12);
    }

    @Test
    default void softDeletedEventsStillCountAndTruncatedOnesDoNot() {
        String category = newCategory();
        StreamId hidden = StreamId.of(category, "hidden");
        StreamId truncated = StreamId.of(category, "truncated");
        appendItems(hidden, 3);
        appendItems(truncated, 5);

        store().softDelete(hidden, ExpectedVersion.exact(3));
        store().truncateBefore(truncated, 4);

        assertThat(store().countEvents(category)).isEqualTo(3 + 2);
    }

    @Test
    default void anUnknownCategoryListsNothingAndCountsZero() {
        String category = newCategory();

        assertThat(store().listStreams(category).toList()).isEmpty();
        assertThat(store().countStreams(category)).isZero();
        assertThat(store().countEvents(category)).isZero();
    }

    @Test
    default void streamInfoGivesVersionAndVisibleRange() {
        StreamId stream = newStreamId();
        appendItems(stream, 4);

        assertThat(store().streamInfo(stream)).contains(new StreamInfo(stream, 4, 1));
        assertThat(store().streamInfo(newStreamId())).isEmpty();
    }

    @Test
    default void aSoftDeletedStreamReadsEmptyAndIsNotListed() {
        String category = newCategory();
        StreamId stream = StreamId.of(category, "gone");
        appendItems(stream, 3);

        store().softDelete(stream, ExpectedVersion.exact(3));

        assertThat(store().read(stream).toList()).isEmpty();
        assertThat(store().listStreams(category).toList()).isEmpty();
        assertThat(store().countStreams(category)).isZero();
        assertThat(store().currentVersion(stream)).isEqualTo(3);
    }

    @Test
    default void appendingAfterASoftDeleteContinuesTheVersionsAndShowsOnlyNewEvents() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);
        store().softDelete(stream, ExpectedVersion.any());

        store().append(stream, ExpectedVersion.exact(3), NewEvent.of(new ItemAdded("again", 1)));

        assertThat(versions(store().read(stream).toList())).containsExactly(4L);
    }

    @Test
    default void softDeleteWithAStaleVersionFailsAndHidesNothing() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);

        assertThatThrownBy(() -> store().softDelete(stream, ExpectedVersion.exact(2)))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(store().read(stream).toList()).hasSize(3);
    }

    @Test
    default void softDeletedEventsStayInTheGlobalOrder() {
        StreamId stream = newStreamId();
        long head = store().headPosition();
        appendItems(stream, 2);

        store().softDelete(stream, ExpectedVersion.any());

        assertThat(readAllOf(head, stream)).hasSize(2);
    }

    @Test
    default void truncatingRemovesOlderEventsForGoodAndKeepsTheVersion() {
        StreamId stream = newStreamId();
        long head = store().headPosition();
        appendItems(stream, 10);

        long removed = store().truncateBefore(stream, 4);

        assertThat(removed).isEqualTo(3);
        assertThat(versions(store().read(stream).toList())).isEqualTo(versionRange(4, 10));
        assertThat(readAllOf(head, stream))
                .extracting(RecordedEvent::streamVersion)
                .doesNotContain(1L, 2L, 3L);
        assertThat(store().currentVersion(stream)).isEqualTo(10);
        assertThat(store().streamInfo(stream)).contains(new StreamInfo(stream, 10, 4));
    }

    @Test
    default void truncatingEverythingLeavesAnEmptyStreamThatKeepsCounting() {
        StreamId stream = newStreamId();
        appendItems(stream, 5);

        store().truncateBefore(stream, 6);
        appendItems(stream, 1);

        assertThat(versions(store().read(stream).toList())).containsExactly(6L);
    }

    @Test
    default void truncatingBeyondTheNextVersionIsRejectedAndRemovesNothing() {
        StreamId stream = newStreamId();
        appendItems(stream, 5);

        assertThatThrownBy(() -> store().truncateBefore(stream, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 6");

        assertThat(store().read(stream).toList()).hasSize(5);
    }

    @Test
    default void deletingALockedStreamFailsForOthers() {
        StreamId stream = newStreamId();
        appendItems(stream, 2);
        store().openSession(stream, Duration.ofMinutes(1));

        assertThatThrownBy(() -> anotherNode("node-b").softDelete(stream, ExpectedVersion.any()))
                .isInstanceOf(StreamLockedException.class);
        assertThatThrownBy(() -> anotherNode("node-b").truncateBefore(stream, 2))
                .isInstanceOf(StreamLockedException.class);

        assertThat(store().read(stream).toList()).hasSize(2);
    }
}
