package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA store keeps payloads as text: binary bytes are refused, never stored mangled. */
class H2PayloadFormatTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    @Test
    void aBinaryPayloadIsRefusedAndNothingIsWritten() {
        StreamId stream = StreamId.of("cart", "binary");
        try (EventStore store = EventStores.builder()
                .backend(new JpaEventStoreBackend(SCHEMA.entityManagerFactory()))
                .serializer(PayloadFormats.binary())
                .register(ItemAdded.class)
                .build()) {

            assertThatThrownBy(
                            () -> store.append(stream, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not UTF-8 text")
                    .hasMessageContaining("use a JSON serializer");

            assertThat(store.currentVersion(stream)).isZero();
        }
    }
}
