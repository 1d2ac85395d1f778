package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventSerializer;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On PostgreSQL payloads live in a text column, as on the other databases: what other formats' bytes meet there. */
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
    void textThatIsNotJsonIsStoredUnchanged() throws Exception {
        StreamId stream = StreamId.of("cart", "xml-" + UUID.randomUUID());
        try (EventStore store = storeWriting(PayloadFormats.xml())) {

            store.append(stream, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1)));

            assertThat(store.currentVersion(stream)).isEqualTo(1);
            try (var connection = SCHEMA.dataSource().getConnection();
                    var select = connection.prepareStatement("SELECT payload FROM sd_events WHERE stream_id = ?")) {
                select.setString(1, stream.id());
                try (var row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("<item sku=\"a\"/>");
                }
            }
        }
    }
}
