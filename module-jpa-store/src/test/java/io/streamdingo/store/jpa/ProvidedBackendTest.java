package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.replay.Carts;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store built without a backend finds the JPA store through {@code ServiceLoader} ({@code provides} in this
 * module's descriptor) when its configuration names a database, and stays in memory when it does not. (The
 * engine is on the class path here; {@code example-plain-java} runs both as named modules.)
 */
class ProvidedBackendTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    private static EventStore storeWith(Map<String, String> settings) {
        return EventStores.builder()
                .settings(key -> Optional.ofNullable(settings.get(key)))
                .register(ItemAdded.class)
                .build();
    }

    private static StoreEngine engineWith(Map<String, String> settings) {
        return EventStores.builder()
                .settings(key -> Optional.ofNullable(settings.get(key)))
                .register(ItemAdded.class, ItemRemoved.class)
                .buildEngine();
    }

    private static Map<String, String> database() {
        return Map.of(
                "streamdingo.store.jpa.url", SCHEMA.url(),
                "streamdingo.store.jpa.user", TestDatabase.H2.user(),
                "streamdingo.store.jpa.password", TestDatabase.H2.password());
    }

    @Test
    void theStoreModuleRunsNamedAndProvidesTheBackend() {
        assertThat(JpaEventStoreBackend.class.getModule().getName()).isEqualTo("io.streamdingo.store.jpa");
        assertThat(JpaEventStoreBackend.class.getModule().getDescriptor().provides())
                .anySatisfy(provides ->
                        assertThat(provides.service()).isEqualTo("io.streamdingo.api.spi.EventStoreBackendProvider"));
    }

    @Test
    void aStoreBuiltWithoutABackendKeepsItsEventsInTheConfiguredDatabase() {
        StreamId cart = StreamId.of("provided", "c-1");
        try (EventStore store = storeWith(database())) {
            store.append(cart, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-1", 2)));
        }

        try (EventStore reopened = storeWith(database());
                Stream<RecordedEvent> events = reopened.read(cart)) {
            assertThat(events.map(RecordedEvent::payload)).containsExactly(new ItemAdded("sku-1", 2));
        }
    }

    @Test
    void aReplayEngineOverTheProvidedStoreKeepsItsSnapshotsInTheSameDatabase() {
        StreamId cart = Carts.CART.streamId("provided-snapshots");
        try (StoreEngine engine = engineWith(database())) {
            engine.store().append(cart, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-1", 2)));
            EventStores.replayEngine(engine).snapshot(Carts.CART, cart);
        }

        try (StoreEngine reopened = engineWith(database())) {
            assertThat(EventStores.replayEngine(reopened).snapshots(Carts.CART, cart))
                    .singleElement()
                    .satisfies(snapshot -> assertThat(snapshot.version()).isEqualTo(1));
        }
    }

    @Test
    void withoutTheStoresConfigurationTheStoreIsInMemory() {
        StreamId cart = StreamId.of("provided", "c-2");
        try (EventStore store = storeWith(Map.of())) {
            store.append(cart, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-1", 2)));
        }

        try (EventStore fresh = storeWith(Map.of())) {
            assertThat(fresh.currentVersion(cart)).isZero();
        }
    }

    @Test
    void aUrlThatIsNotJdbcFailsNamingTheKey() {
        assertThatThrownBy(() -> storeWith(Map.of("streamdingo.store.jpa.url", "postgres://localhost/events")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamdingo.store.jpa.url")
                .hasMessageContaining("JDBC URL");
    }
}
