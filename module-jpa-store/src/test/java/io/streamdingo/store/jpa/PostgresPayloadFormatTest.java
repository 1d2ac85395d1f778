package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventSerializer;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On PostgreSQL payloads live in a {@code jsonb} column: what other formats' bytes meet there. */
class PostgresPayloadFormatTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private static EventStore storeWriting(EventSerializer serializer) {
        return EventStores.builder()
                .backend(new JpaEventStoreBackend(SCHEMA.entityManagerFactory()))
                .serializer(serializer)
                .register(ItemAdded.class)
                .build();
    }

    @Test
    void aBinaryPayloadIsRefusedAndNothingIsWritten() {
        StreamId stream = StreamId.of("cart", "binary");
        try (EventStore store = storeWriting(PayloadFormats.binary())) {

            assertThatThrownBy(
                            () -> store.append(stream, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not UTF-8 text");

            assertThat(store.currentVersion(stream)).isZero();
        }
    }

    @Test
    void textThatIsNotJsonIsRefusedByTheJsonColumnAndNothingIsWritten() {
        StreamId stream = StreamId.of("cart", "xml");
        try (EventStore store = storeWriting(PayloadFormats.xml())) {

            assertThatThrownBy(
                            () -> store.append(stream, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1))))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("SQL state 22P02");

            assertThat(store.currentVersion(stream)).isZero();
        }
    }
}
