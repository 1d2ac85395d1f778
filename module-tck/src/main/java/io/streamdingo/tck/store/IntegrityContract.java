package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import org.junit.jupiter.api.Test;

/** HS-4: every stored event carries a link of its stream's hash chain, and tampering is found where it happened. */
public interface IntegrityContract extends ContractFixture {

    private StreamVerification.Broken brokenAt(StreamId stream, long version) {
        StreamVerification result = store().verify(stream);
        assertThat(result).isInstanceOf(StreamVerification.Broken.class);
        StreamVerification.Broken broken = (StreamVerification.Broken) result;
        assertThat(broken.streamId()).isEqualTo(stream);
        assertThat(broken.version()).as(broken.problem()).isEqualTo(version);
        return broken;
    }

    @Test
    default void aStreamAppendedInSeveralStepsVerifiesIntact() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);
        store().append(
                        stream,
                        ExpectedVersion.exact(3),
                        NewEvent.of(
                                new NoteAdded("gift wrap, ünïcödé and \"quotes\""),
                                EventMetadata.empty()
                                        .withCorrelationId("order-1")
                                        .withHeader("b", "2")
                                        .withHeader("a", "1")));
        appendItems(stream, 2);

        StreamVerification result = store().verify(stream);

        assertThat(result).isInstanceOfSatisfying(StreamVerification.Intact.class, intact -> {
            assertThat(intact.eventsChecked()).isEqualTo(6);
            assertThat(intact.lastVersion()).isEqualTo(6);
        });
    }

    @Test
    default void aStreamNeverWrittenVerifiesIntactAtGenesis() {
        StreamId stream = newStreamId();

        assertThat(store().verify(stream)).isEqualTo(new StreamVerification.Intact(stream, 0, 0, EventChain.GENESIS));
    }

    @Test
    default void anAlteredPayloadIsReportedAtItsVersion() {
        StreamId stream = newStreamId();
        appendItems(stream, 5);

        tampering().replacePayload(stream, 3, "{\"sku\":\"sku-3\",\"quantity\":300}");

        StreamVerification.Broken broken = brokenAt(stream, 3);
        assertThat(broken.expectedHash()).isNotEqualTo(broken.foundHash());
    }

    @Test
    default void aDeletedEventIsReportedAsTheMissingVersion() {
        StreamId stream = newStreamId();
        appendItems(stream, 5);

        tampering().deleteEvent(stream, 2);

        assertThat(brokenAt(stream, 2).problem()).contains("missing");
    }

    @Test
    default void reorderedEventsAreReportedAtTheFirstOfThem() {
        StreamId stream = newStreamId();
        appendItems(stream, 5);

        tampering().swapPayloads(stream, 2, 4);

        brokenAt(stream, 2);
    }

    @Test
    default void anInsertedEventIsReportedWhereItWasInserted() {
        StreamId stream = newStreamId();
        appendItems(stream, 5);

        tampering().insertCopy(stream, 1, 3);

        brokenAt(stream, 3);
    }

    @Test
    default void tamperingWithOneStreamLeavesTheOthersIntact() {
        StreamId tampered = newStreamId();
        StreamId untouched = newStreamId();
        appendItems(tampered, 3);
        appendItems(untouched, 3);

        tampering().replacePayload(tampered, 1, "{\"sku\":\"x\",\"quantity\":1}");

        assertThat(store().verify(untouched).intact()).isTrue();
    }

    @Test
    default void aTruncatedStreamVerifiesFromItsAnchorAndKeepsChaining() {
        StreamId stream = newStreamId();
        appendItems(stream, 5);
        store().truncateBefore(stream, 3);
        appendItems(stream, 2);

        StreamVerification result = store().verify(stream);

        assertThat(result).isInstanceOfSatisfying(StreamVerification.Intact.class, intact -> {
            assertThat(intact.eventsChecked()).isEqualTo(5);
            assertThat(intact.lastVersion()).isEqualTo(7);
        });
    }

    @Test
    default void aSoftDeletedStreamContinuesItsChain() {
        StreamId stream = newStreamId();
        appendItems(stream, 3);
        store().softDelete(stream, ExpectedVersion.exact(3));
        store().append(stream, ExpectedVersion.exact(3), NewEvent.all(new ItemAdded("again", 1)));

        assertThat(store().verify(stream))
                .isInstanceOfSatisfying(StreamVerification.Intact.class, intact -> assertThat(intact.lastVersion())
                        .isEqualTo(4));
    }
}
