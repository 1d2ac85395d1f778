package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.PriceEvents.ContactChangedV1;
import io.streamdingo.tck.events.PriceEvents.EmailChanged;
import io.streamdingo.tck.events.PriceEvents.LegacyPing;
import io.streamdingo.tck.events.PriceEvents.PhoneChanged;
import io.streamdingo.tck.events.PriceEvents.PriceSet;
import io.streamdingo.tck.events.PriceEvents.PriceSetV1;
import io.streamdingo.tck.events.PriceEvents.PriceSetV2;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SE-1, SE-2: versioned event types are upcast on every read, hop by hop, with splits and drops. */
public interface UpcastingContract extends ContractFixture {

    @Test
    default void storedVersionOneComesBackAsTheNewestVersionThroughTwoHops() {
        StreamId stream = newStreamId();

        store().append(stream, ExpectedVersion.any(), NewEvent.of(new PriceSetV1("a", 1999)));

        assertThat(store().read(stream).toList()).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(new PriceSet("a", new BigDecimal("19.99"), "EUR"));
            assertThat(e.eventType()).isEqualTo("tck.PriceSet");
            assertThat(e.schemaVersion()).isEqualTo(3);
        });
    }

    @Test
    default void storedVersionTwoIsUpcastByTheRegisteredUpcaster() {
        StreamId stream = newStreamId();

        store().append(stream, ExpectedVersion.any(), NewEvent.of(new PriceSetV2("a", 500, "CHF")));

        assertThat(store().read(stream).map(RecordedEvent::payload).toList())
                .containsExactly(new PriceSet("a", new BigDecimal("5.00"), "CHF"));
    }

    @Test
    default void theNewestVersionIsReturnedAsStored() {
        StreamId stream = newStreamId();
        PriceSet newest = new PriceSet("a", new BigDecimal("1.50"), "USD");

        store().append(stream, ExpectedVersion.any(), NewEvent.of(newest));

        assertThat(store().read(stream).map(RecordedEvent::payload).toList()).containsExactly(newest);
    }

    @Test
    default void anUpcasterCanSplitOneEventIntoSeveral() {
        StreamId stream = newStreamId();
        NewEvent contact = NewEvent.of(new ContactChangedV1("a@example.com", "+41 44 000 00 00"));

        store().append(stream, ExpectedVersion.any(), contact);

        List<RecordedEvent> events = store().read(stream).toList();
        assertThat(events)
                .extracting(RecordedEvent::payload)
                .containsExactly(new EmailChanged("a@example.com"), new PhoneChanged("+41 44 000 00 00"));
        assertThat(events).extracting(RecordedEvent::streamVersion).containsExactly(1L, 1L);
        assertThat(events.get(0).eventId()).isEqualTo(contact.eventId());
        assertThat(events.get(1).eventId()).isNotEqualTo(contact.eventId());
    }

    @Test
    default void splitPartsGetTheSameIdsOnEveryRead() {
        StreamId stream = newStreamId();
        store().append(stream, ExpectedVersion.any(), NewEvent.of(new ContactChangedV1("a@example.com", "1")));

        List<RecordedEvent> first = store().read(stream).toList();
        List<RecordedEvent> second = store().read(stream).toList();

        assertThat(second)
                .extracting(RecordedEvent::eventId)
                .containsExactlyElementsOf(
                        first.stream().map(RecordedEvent::eventId).toList());
    }

    @Test
    default void anUpcasterCanDropAnEvent() {
        StreamId stream = newStreamId();

        store().append(
                        stream,
                        ExpectedVersion.any(),
                        NewEvent.all(new ItemAdded("a", 1), new LegacyPing(42L), new ItemAdded("b", 2)));

        assertThat(store().read(stream).map(RecordedEvent::payload).toList())
                .containsExactly(new ItemAdded("a", 1), new ItemAdded("b", 2));
        assertThat(store().currentVersion(stream)).isEqualTo(3);
    }

    @Test
    default void upcastingAppliesToTheGlobalOrderToo() {
        StreamId stream = newStreamId();
        long head = store().headPosition();

        store().append(stream, ExpectedVersion.any(), NewEvent.of(new PriceSetV1("a", 100)));

        assertThat(readAllOf(head, stream))
                .extracting(RecordedEvent::payload)
                .containsExactly(new PriceSet("a", new BigDecimal("1.00"), "EUR"));
    }
}
