package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventDeserializationException;
import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.UnknownEventTypeException;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.WriteGuard;
import io.streamdingo.hashing.EventHashChain;
import io.streamdingo.tck.events.CartCheckedOut;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.events.CartEvents.NotRegistered;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ES-6: many event types in one stream; unknown and corrupt payloads fail loudly. */
public interface PolymorphismContract extends ContractFixture {

    @Test
    default void manyEventTypesInOneStreamComeBackAsTheirOwnTypes() {
        StreamId stream = newStreamId();
        CartCheckedOut checkout =
                new CartCheckedOut("order-1", new BigDecimal("19.90"), Instant.parse("2026-01-02T03:04:05Z"));

        store().append(
                        stream,
                        ExpectedVersion.any(),
                        NewEvent.all(new ItemAdded("a", 2), new ItemRemoved("a"), checkout));

        assertThat(store().read(stream).map(RecordedEvent::payload).toList())
                .containsExactly(new ItemAdded("a", 2), new ItemRemoved("a"), checkout);
    }

    @Test
    default void payloadAsTheWrongTypeFailsNamingBothTypes() {
        StreamId stream = newStreamId();
        appendItems(stream, 1);
        RecordedEvent event = store().read(stream).toList().get(0);

        assertThatThrownBy(() -> event.payloadAs(ItemRemoved.class))
                .isInstanceOf(ClassCastException.class)
                .hasMessageContaining(ItemAdded.class.getName())
                .hasMessageContaining(ItemRemoved.class.getName());
    }

    @Test
    default void appendingAnUnregisteredTypeFailsAndWritesNothing() {
        StreamId stream = newStreamId();

        assertThatThrownBy(() -> store().append(
                                stream,
                                ExpectedVersion.any(),
                                NewEvent.all(new ItemAdded("a", 1), new NotRegistered("x"))))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining(NotRegistered.class.getName())
                .hasMessageContaining("register");

        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void corruptStoredPayloadFailsNamingStreamVersionAndType() {
        StreamId stream = newStreamId();
        appendItems(stream, 1);
        storeRaw(stream, "tck.ItemAdded", 1, "{\"sku\": [\"not\", \"text\"], \"quantity\": true}");

        assertThatThrownBy(() -> store().read(stream).toList())
                .isInstanceOfSatisfying(EventDeserializationException.class, e -> {
                    assertThat(e.streamId()).isEqualTo(stream);
                    assertThat(e.streamVersion()).isEqualTo(2);
                    assertThat(e.eventType()).isEqualTo("tck.ItemAdded");
                    assertThat(e.getMessage()).contains(stream + "@2", "tck.ItemAdded");
                });
    }

    @Test
    default void storedPayloadOfTheWrongShapeFails() {
        StreamId stream = newStreamId();
        storeRaw(stream, "tck.ItemAdded", 1, "[1, 2, 3]");

        assertThatThrownBy(() -> store().read(stream).toList()).isInstanceOf(EventDeserializationException.class);
    }

    @Test
    default void eventsBeforeACorruptOneAreStillReadable() {
        StreamId stream = newStreamId();
        appendItems(stream, 2);
        storeRaw(stream, "tck.ItemAdded", 1, "{\"sku\": {}, \"quantity\": \"many\"}");

        assertThat(versions(store().read(stream).limit(2).toList())).containsExactly(1L, 2L);
    }

    @Test
    default void storedEventOfAnUnknownTypeFailsNamingStreamVersionAndType() {
        StreamId stream = newStreamId();
        storeRaw(stream, "tck.Vanished", 1, "{}");

        assertThatThrownBy(() -> store().read(stream).toList())
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining(stream + "@1")
                .hasMessageContaining("tck.Vanished v1");
    }

    @Test
    default void storedEventOfAnUnknownSchemaVersionFails() {
        StreamId stream = newStreamId();
        storeRaw(stream, "tck.ItemAdded", 9, "{\"sku\": \"a\", \"quantity\": 1}");

        assertThatThrownBy(() -> store().read(stream).toList())
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("tck.ItemAdded v9");
    }

    @Test
    default void errorMessagesDoNotQuoteThePayload() {
        StreamId stream = newStreamId();
        storeRaw(stream, "tck.ItemAdded", 1, "{\"sku\": \"secret-card-4111\", \"quantity\": \"many\"}");

        assertThatThrownBy(() -> store().read(stream).toList())
                .isInstanceOf(EventDeserializationException.class)
                .hasMessageNotContaining("secret-card-4111");
    }

    /**
     * Writes a payload the engine would never produce, straight through the backend SPI. Always valid JSON
     * (of the wrong shape): a PostgreSQL {@code jsonb} column refuses anything else at insert time.
     */
    private void storeRaw(StreamId stream, String type, int version, String json) {
        Instant now = clock().instant();
        EventToStore raw = new EventToStore(
                UUID.randomUUID(), type, version, now, EventMetadata.empty(), json.getBytes(StandardCharsets.UTF_8));
        backend()
                .unwrapped()
                .append(stream, ExpectedVersion.any(), List.of(raw), WriteGuard.unlocked(now), new EventHashChain());
    }
}
