package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.PriceEvents.PriceSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ES-5: every event's envelope and context. */
public interface MetadataContract extends ContractFixture {

    @Test
    default void everyMetadataFieldRoundTrips() {
        StreamId stream = newStreamId();
        EventMetadata metadata = EventMetadata.empty()
                .withCorrelationId("order-process-7")
                .withCausationId("command-42")
                .withUserId("alice")
                .withTenantId("acme")
                .withPartitionKey("cart-9")
                .withHeader("source", "web")
                .withHeader("trace", "00-abc-01");

        store().append(stream, ExpectedVersion.any(), NewEvent.of(new ItemAdded("a", 1), metadata));

        assertThat(store().read(stream).toList()).singleElement().satisfies(e -> {
            assertThat(e.metadata()).isEqualTo(metadata);
            assertThat(e.metadata().headers()).isEqualTo(Map.of("source", "web", "trace", "00-abc-01"));
        });
    }

    @Test
    default void correlationAndCausationDefaultToTheEventsOwnId() {
        StreamId stream = newStreamId();
        NewEvent event = NewEvent.of(new ItemAdded("a", 1));

        store().append(stream, ExpectedVersion.any(), event);

        RecordedEvent read = store().read(stream).toList().get(0);
        assertThat(read.metadata().correlationId()).isEqualTo(event.eventId().toString());
        assertThat(read.metadata().causationId()).isEqualTo(event.eventId().toString());
    }

    @Test
    default void theCallersEventIdIsKept() {
        StreamId stream = newStreamId();
        UUID id = UUID.randomUUID();

        store().append(
                        stream,
                        ExpectedVersion.any(),
                        NewEvent.of(new ItemAdded("a", 1)).withEventId(id));

        assertThat(store().read(stream).toList())
                .singleElement()
                .extracting(RecordedEvent::eventId)
                .isEqualTo(id);
    }

    @Test
    default void typeNameAndSchemaVersionAreRecorded() {
        StreamId stream = newStreamId();

        store().append(
                        stream,
                        ExpectedVersion.any(),
                        NewEvent.all(new ItemAdded("a", 1), new PriceSet("a", new BigDecimal("9.99"), "EUR")));

        assertThat(store().read(stream).toList())
                .extracting(e -> e.eventType() + " v" + e.schemaVersion())
                .containsExactly("tck.ItemAdded v1", "tck.PriceSet v3");
    }

    @Test
    default void timestampComesFromTheStoresClockAtMicrosecondPrecision() {
        StreamId stream = newStreamId();
        Instant now = clock().instant();

        store().append(stream, ExpectedVersion.any(), NewEvent.of(new ItemAdded("a", 1)));

        assertThat(store().read(stream).toList())
                .singleElement()
                .extracting(RecordedEvent::recordedAt)
                .isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    default void eventsKnowTheirStreamVersionAndPosition() {
        StreamId stream = newStreamId();
        long head = store().headPosition();

        long position = appendItems(stream, 1).lastGlobalPosition();

        assertThat(store().read(stream).toList()).singleElement().satisfies(e -> {
            assertThat(e.streamId()).isEqualTo(stream);
            assertThat(e.streamVersion()).isEqualTo(1);
            assertThat(e.globalPosition()).isEqualTo(position).isGreaterThan(head);
        });
    }
}
