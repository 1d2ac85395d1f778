package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.streamdingo.api.EventSchema;
import io.streamdingo.api.EventType;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.hashing.Sha256;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.PriceEvents;
import io.streamdingo.tck.events.PriceEvents.PriceSet;
import io.streamdingo.tck.events.PriceEvents.PriceSetV1;
import io.streamdingo.tck.events.PriceEvents.PriceSetV2;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The schema registry the engine writes (SE-3): every registered type with its Java type, a JSON Schema
 * generated from the class and its upcast path; written when the engine is built; a schema that changed
 * without a new version reported with a WARNING naming the type.
 */
class SchemaRegistryTest {

    private static final JsonMapper JSON = new JsonMapper();

    /** The first shape of a type whose class later changes without a new version. */
    @EventType(name = "tck.Drifting", version = 1)
    record DriftingBefore(String account, long cents) {}

    /** The same name and version with a field more: the change the registry must report. */
    @EventType(name = "tck.Drifting", version = 1)
    record DriftingAfter(String account, long cents, String currency) {}

    /** The change done right: a new version. */
    @EventType(name = "tck.Drifting", version = 2)
    record DriftingV2(String account, long cents, String currency) {}

    private final TestClock clock = TestClock.startingNow();

    private StoreEngine engine(SchemaStore schemas, Class<?>... types) {
        return EventStores.builder()
                .clock(clock)
                .schemaStore(schemas)
                .register(types)
                .buildEngine();
    }

    private static LogCapture registrationLog() {
        return LogCapture.of("io.streamdingo.engine.schemas.SchemaRegistration");
    }

    @Test
    void everyRegisteredTypeIsListedWithItsJavaTypeAndAGeneratedJsonSchema() throws Exception {
        StoreEngine engine = EventStores.builder().register(ItemAdded.class).buildEngine();

        EventSchema schema = engine.schemas().find("tck.ItemAdded", 1).orElseThrow();

        assertThat(schema.javaType()).isEqualTo(ItemAdded.class.getName());
        JsonNode json = JSON.readTree(schema.jsonSchema());
        assertThat(json.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(json.path("type").asText()).isEqualTo("object");
        assertThat(json.path("properties").path("sku").path("type").asText()).isEqualTo("string");
        assertThat(json.path("properties").path("quantity").path("type").asText())
                .isEqualTo("integer");
    }

    @Test
    void theFingerprintIsTheSha256OfTheSchema() {
        StoreEngine engine = EventStores.builder().register(ItemAdded.class).buildEngine();

        EventSchema schema = engine.schemas().find("tck.ItemAdded", 1).orElseThrow();

        assertThat(schema.fingerprint())
                .isEqualTo(Sha256.hex(schema.jsonSchema().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theUpcastPathNamesEveryHopFromAnOldVersionToTheNewest() {
        StoreEngine engine = EventStores.builder()
                .register(PriceSetV1.class, PriceSetV2.class, PriceSet.class)
                .upcaster(PriceEvents.V2_TO_V3)
                .buildEngine();

        List<String> fromV1 =
                engine.schemas().find("tck.PriceSet", 1).orElseThrow().upcastPath();
        List<String> fromV3 =
                engine.schemas().find("tck.PriceSet", 3).orElseThrow().upcastPath();

        assertThat(fromV1).hasSize(2);
        assertThat(fromV1.get(0))
                .startsWith("tck.PriceSet v1 → tck.PriceSet v2 by @Upcast")
                .contains("PriceSetV2.from");
        assertThat(fromV1.get(1)).startsWith("tck.PriceSet v2 → (decided per event) by ");
        assertThat(fromV3).isEmpty();
    }

    @Test
    void theRegistryListsByNameThenVersionAndPages() {
        StoreEngine engine = EventStores.builder()
                .register(PriceSet.class, PriceSetV1.class, ItemAdded.class, PriceSetV2.class)
                .upcaster(PriceEvents.V2_TO_V3)
                .buildEngine();

        List<EventSchema> first = engine.schemas().list(null, 2);
        List<EventSchema> second = engine.schemas().list(first.get(1).key(), 2);

        assertThat(first)
                .extracting(EventSchema::key)
                .containsExactly(new EventSchema.Key("tck.ItemAdded", 1), new EventSchema.Key("tck.PriceSet", 1));
        assertThat(second)
                .extracting(EventSchema::key)
                .containsExactly(new EventSchema.Key("tck.PriceSet", 2), new EventSchema.Key("tck.PriceSet", 3));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        StoreEngine engine = EventStores.builder().register(ItemAdded.class).buildEngine();

        assertThatThrownBy(() -> engine.schemas().list(null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit is 1 or more");
    }

    @Test
    void buildingTheEngineWritesEverySchemaToTheSchemaStore() {
        SchemaStore store = EventStores.inMemorySchemaStore();

        engine(store, ItemAdded.class, DriftingBefore.class);

        assertThat(store.list(null, 10))
                .extracting(EventSchema::key)
                .containsExactly(new EventSchema.Key("tck.Drifting", 1), new EventSchema.Key("tck.ItemAdded", 1));
    }

    @Test
    void aSchemaChangedWithoutANewVersionIsReportedWithAWarningNamingTheType() {
        SchemaStore store = EventStores.inMemorySchemaStore();
        engine(store, DriftingBefore.class);

        List<String> warnings;
        try (LogCapture log = registrationLog()) {
            engine(store, DriftingAfter.class);
            warnings = log.messagesAt(Level.WARNING);
        }

        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("event type tck.Drifting version 1")
                .contains(DriftingAfter.class.getName())
                .contains("version = 2");
        assertThat(store.find("tck.Drifting", 1).orElseThrow().javaType()).isEqualTo(DriftingAfter.class.getName());
    }

    @Test
    void aChangeUnderANewVersionIsNoWarning() {
        SchemaStore store = EventStores.inMemorySchemaStore();
        engine(store, DriftingBefore.class);

        List<String> warnings;
        try (LogCapture log = registrationLog()) {
            engine(store, DriftingBefore.class, DriftingV2.class);
            warnings = log.messagesAt(Level.WARNING);
        }

        assertThat(warnings).isEmpty();
        assertThat(store.find("tck.Drifting", 2)).isPresent();
    }

    @Test
    void anUnchangedSchemaKeepsTheTimeItWasFirstRegistered() {
        SchemaStore store = EventStores.inMemorySchemaStore();
        engine(store, DriftingBefore.class);
        EventSchema first = store.find("tck.Drifting", 1).orElseThrow();

        clock.advance(Duration.ofDays(3));
        engine(store, DriftingBefore.class);

        assertThat(store.find("tck.Drifting", 1)).contains(first);
    }

    @Test
    void aSchemaChangedWithoutANewVersionIsReportedOnceThenKeptAsTheCurrentOne() {
        SchemaStore store = EventStores.inMemorySchemaStore();
        engine(store, DriftingBefore.class);
        engine(store, DriftingAfter.class);

        List<String> warnings;
        try (LogCapture log = registrationLog()) {
            engine(store, DriftingAfter.class);
            warnings = log.messagesAt(Level.WARNING);
        }

        assertThat(warnings).isEmpty();
    }
}
