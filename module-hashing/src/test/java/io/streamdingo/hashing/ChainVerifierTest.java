package io.streamdingo.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** HS-4: every kind of tampering is reported at the exact version where the chain breaks. */
class ChainVerifierTest {

    private static final StreamId STREAM = StreamId.of("Cart", "c-1");
    private final EventHashChain chain = new EventHashChain();
    private final ChainVerifier verifier = new ChainVerifier();

    /** A correctly chained stream of {@code count} events. */
    private List<StoredEvent> chainedStream(int count) {
        List<StoredEvent> events = new ArrayList<>();
        String previous = EventChain.GENESIS;
        for (int version = 1; version <= count; version++) {
            EventToStore event = new EventToStore(
                    UUID.randomUUID(),
                    "ItemAdded",
                    1,
                    Instant.parse("2026-11-23T10:00:00.123456Z").plusSeconds(version),
                    EventMetadata.empty().withCorrelationId("order-7"),
                    ("{\"quantity\":" + version + "}").getBytes(StandardCharsets.UTF_8));
            String hash = chain.link(previous, STREAM, version, event);
            events.add(StoredEvent.of(event, STREAM, version, 100 + version, hash));
            previous = hash;
        }
        return events;
    }

    private StreamVerification verify(List<StoredEvent> events) {
        return verifier.verify(STREAM, Optional.empty(), events.iterator());
    }

    private static StoredEvent withPayload(StoredEvent event, String payload) {
        return new StoredEvent(
                event.eventId(),
                event.streamId(),
                event.streamVersion(),
                event.globalPosition(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                payload.getBytes(StandardCharsets.UTF_8),
                event.hash());
    }

    private static StoredEvent atVersion(StoredEvent event, long version) {
        return new StoredEvent(
                event.eventId(),
                event.streamId(),
                version,
                event.globalPosition(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                event.payload(),
                event.hash());
    }

    @Test
    void anUntouchedStreamIsIntact() {
        List<StoredEvent> events = chainedStream(5);

        StreamVerification result = verify(events);

        assertThat(result)
                .isEqualTo(new StreamVerification.Intact(
                        STREAM, 5, 5, events.get(4).hash()));
    }

    @Test
    void aPayloadReformattedByTheDatabaseStillVerifies() {
        List<StoredEvent> events = chainedStream(3);
        events.set(1, withPayload(events.get(1), "{ \"quantity\" : 2 }"));

        assertThat(verify(events).intact()).isTrue();
    }

    @Test
    void anAlteredPayloadIsReportedAtItsVersion() {
        List<StoredEvent> events = chainedStream(5);
        events.set(2, withPayload(events.get(2), "{\"quantity\":300}"));

        StreamVerification result = verify(events);

        assertThat(result).isInstanceOfSatisfying(StreamVerification.Broken.class, broken -> {
            assertThat(broken.version()).isEqualTo(3);
            assertThat(broken.foundHash()).isEqualTo(events.get(2).hash());
            assertThat(broken.expectedHash()).isNotEqualTo(broken.foundHash());
        });
    }

    @Test
    void aRemovedEventIsReportedAsTheMissingVersion() {
        List<StoredEvent> events = chainedStream(5);
        events.remove(1);

        StreamVerification result = verify(events);

        assertThat(result).isInstanceOfSatisfying(StreamVerification.Broken.class, broken -> {
            assertThat(broken.version()).isEqualTo(2);
            assertThat(broken.problem()).contains("missing");
        });
    }

    @Test
    void anInsertedEventIsReportedWhereItWasInserted() {
        List<StoredEvent> events = chainedStream(5);
        List<StoredEvent> forged = new ArrayList<>(events.subList(0, 2));
        forged.add(atVersion(chainedStream(1).get(0), 3));
        for (StoredEvent later : events.subList(2, 5)) {
            forged.add(atVersion(later, later.streamVersion() + 1));
        }

        StreamVerification result = verify(forged);

        assertThat(result)
                .isInstanceOfSatisfying(StreamVerification.Broken.class, broken -> assertThat(broken.version())
                        .isEqualTo(3));
    }

    @Test
    void reorderedEventsAreReportedAtTheFirstMovedVersion() {
        List<StoredEvent> events = chainedStream(5);
        List<StoredEvent> swapped = new ArrayList<>(events);
        Collections.swap(swapped, 1, 3);
        swapped.set(1, atVersion(swapped.get(1), 2));
        swapped.set(3, atVersion(swapped.get(3), 4));

        StreamVerification result = verify(swapped);

        assertThat(result)
                .isInstanceOfSatisfying(StreamVerification.Broken.class, broken -> assertThat(broken.version())
                        .isEqualTo(2));
    }

    @Test
    void changedMetadataBreaksTheChain() {
        List<StoredEvent> events = chainedStream(3);
        StoredEvent original = events.get(0);
        events.set(
                0,
                new StoredEvent(
                        original.eventId(),
                        STREAM,
                        1,
                        original.globalPosition(),
                        original.eventType(),
                        original.schemaVersion(),
                        original.recordedAt(),
                        original.metadata().withCorrelationId("someone-else"),
                        original.payload(),
                        original.hash()));

        assertThat(verify(events))
                .isInstanceOfSatisfying(StreamVerification.Broken.class, broken -> assertThat(broken.version())
                        .isEqualTo(1));
    }

    @Test
    void aTruncatedStreamVerifiesFromItsAnchor() {
        List<StoredEvent> events = chainedStream(5);

        StreamVerification result = verifier.verify(
                STREAM, Optional.of(events.get(1).hash()), events.subList(2, 5).iterator());

        assertThat(result)
                .isEqualTo(new StreamVerification.Intact(
                        STREAM, 3, 5, events.get(4).hash()));
    }

    @Test
    void aStreamWithoutEventsIsIntactAtGenesis() {
        assertThat(verify(List.of())).isEqualTo(new StreamVerification.Intact(STREAM, 0, 0, EventChain.GENESIS));
    }
}
