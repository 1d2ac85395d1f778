package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store's mapping comes with it: a persistence unit lists no class of the store, or lists it anyway. */
class StoreMappingTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    private static void appendAndReadBack(String unit) {
        Map<String, Object> properties = new HashMap<>(StoreMapping.properties());
        properties.put("jakarta.persistence.jdbc.url", SCHEMA.url());
        properties.put("jakarta.persistence.jdbc.user", TestDatabase.H2.user());
        properties.put("jakarta.persistence.jdbc.password", TestDatabase.H2.password());
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, properties);
        StreamId cart = StreamId.of("mapping", unit);
        try (EventStore store = EventStores.builder()
                .backend(new JpaEventStoreBackend(factory))
                .register(ItemAdded.class)
                .build()) {
            store.append(cart, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-1", 1)));

            assertThat(store.currentVersion(cart)).isEqualTo(1);
        } finally {
            factory.close();
        }
    }

    @Test
    void aUnitThatListsNothingOfTheStoreHoldsItsEventsWithTheShippedMapping() {
        appendAndReadBack("streamdingo-cdi-test");
    }

    @Test
    void aUnitThatAlsoListsTheStoresEntityIsUnaffectedByTheShippedMapping() {
        appendAndReadBack("streamdingo-test");
    }
}
