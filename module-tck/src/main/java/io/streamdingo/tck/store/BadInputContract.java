package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamRange;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RL bad input: every malformed call fails clearly and leaves the store as it was. */
public interface BadInputContract extends ContractFixture {

    @Test
    default void anEmptyAppendFailsAndWritesNothing() {
        StreamId stream = newStreamId();
        long head = store().headPosition();

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.any(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one event");

        assertThat(store().headPosition()).isEqualTo(head);
        assertThat(store().streamInfo(stream)).isEmpty();
    }

    @Test
    default void aNullEventInABatchFailsAndWritesNothing() {
        StreamId stream = newStreamId();
        List<NewEvent> withNull = Arrays.asList(NewEvent.of(new ItemAdded("a", 1)), null);

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.any(), withNull))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null");

        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void aNullPayloadIsRejectedNamingThePayload() {
        assertThatThrownBy(() -> NewEvent.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("payload");
    }

    @Test
    default void nullArgumentsAreRejectedNamingTheArgument() {
        StreamId stream = newStreamId();
        List<NewEvent> one = NewEvent.all(new ItemAdded("a", 1));

        assertThatThrownBy(() -> store().append(null, ExpectedVersion.any(), one))
                .hasMessageContaining("streamId");
        assertThatThrownBy(() -> store().append(stream, null, one)).hasMessageContaining("expected version");
        assertThatThrownBy(() -> store().read(null)).hasMessageContaining("streamId");
        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void anOversizedPayloadFailsNamingTheLimitAndWritesNothing() {
        StreamId stream = newStreamId();
        NoteAdded huge = new NoteAdded("x".repeat(EventStoreBuilder.DEFAULT_MAX_PAYLOAD_BYTES + 1));

        assertThatThrownBy(
                        () -> store().append(stream, ExpectedVersion.any(), NewEvent.all(new ItemAdded("a", 1), huge)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit is " + EventStoreBuilder.DEFAULT_MAX_PAYLOAD_BYTES);

        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void versionBoundsBelowOneOrReversedAreRejected() {
        assertThatThrownBy(() -> StreamRange.slice(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamRange.slice(-3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamRange.slice(6, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards()");
        assertThatThrownBy(() -> ExpectedVersion.exact(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void readingTheGlobalOrderFromANegativePositionIsRejected() {
        assertThatThrownBy(() -> store().readAll(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use 0");
    }

    @Test
    default void truncatingBeforeVersionZeroIsRejected() {
        StreamId stream = newStreamId();
        appendItems(stream, 2);

        assertThatThrownBy(() -> store().truncateBefore(stream, 0)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store().read(stream).toList()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1000, 86_400_001})
    default void sessionTimeoutsOutOfRangeAreRejected(long millis) {
        StreamId stream = newStreamId();

        assertThatThrownBy(() -> store().openSession(stream, Duration.ofMillis(millis)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");

        store().append(stream, ExpectedVersion.any(), NewEvent.all(new ItemAdded("not locked", 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad category", "1st", "drop-table", ""})
    default void listingAnInvalidCategoryIsRejected(String category) {
        assertThatThrownBy(() -> store().listStreams(category)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().countStreams(category)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().countEvents(category)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE events; --", "<script>alert(1)</script>", "%00%ff", "ü/ä\\ö\"", "a%_*"})
    default void hostileButValidStreamIdsRoundTripUnchangedAndStaySeparate(String hostile) {
        StreamId stream = StreamId.of("tck", newStreamId().id() + hostile);
        StreamId neighbour = newStreamId();
        appendItems(neighbour, 1);
        EventMetadata metadata =
                EventMetadata.empty().withHeader("note", hostile).withUserId(hostile);

        store().append(stream, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded(hostile, 1), metadata));

        RecordedEvent read = store().read(stream).toList().get(0);
        assertThat(read.streamId()).isEqualTo(stream);
        assertThat(read.payload()).isEqualTo(new ItemAdded(hostile, 1));
        assertThat(read.metadata().headers()).containsEntry("note", hostile);
        assertThat(store().currentVersion(neighbour)).isEqualTo(1);
    }

    @Test
    default void overlongMetadataIsRejected() {
        String tooLong = "m".repeat(EventMetadata.MAX_VALUE_LENGTH + 1);

        assertThatThrownBy(() -> EventMetadata.empty().withCorrelationId(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlationId");
        assertThatThrownBy(() -> EventMetadata.empty().withHeader(" ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
