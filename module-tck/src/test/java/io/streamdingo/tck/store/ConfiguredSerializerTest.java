package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.serialization.JacksonEventSerializer;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import org.junit.jupiter.api.Test;

/**
 * What the configuration guide tells applications to do, done from another module on the module path: the
 * default serializer over an application-configured mapper.
 */
class ConfiguredSerializerTest {

    @Test
    void anApplicationConfiguredMapperServesTheStore() {
        JacksonEventSerializer serializer = new JacksonEventSerializer(JacksonEventSerializer.defaultMapper()
                .copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        StreamId cart = StreamId.of("cart", "configured");

        try (EventStore store = EventStores.builder()
                .serializer(serializer)
                .register(ItemAdded.class)
                .build()) {
            store.append(cart, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-1", 2)));

            assertThat(store.read(cart).map(RecordedEvent::payload)).containsExactly(new ItemAdded("sku-1", 2));
        }
    }
}
