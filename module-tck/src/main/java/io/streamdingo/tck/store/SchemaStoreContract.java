package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventSchema;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.hashing.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SchemaStore} (the schema registry's storage): a saved schema is found exactly as
 * given, whatever its size and characters; saving a name and version again replaces it; the registry lists
 * in name-then-version order and pages after a key; two saves of one key at once (each its own
 * transaction in a database store) leave one schema. Extend
 * it and return the store under test; every store passes it unchanged. Each test uses type names of its
 * own, so a store that earlier runs filled is fine.
 */
public abstract class SchemaStoreContract {

    private SchemaStore store;
    /** A prefix no other test or run uses: a database store is shared. */
    private final String prefix = "tck" + UUID.randomUUID().toString().substring(0, 8) + ".";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** The store under test, new for every test. */
    protected abstract SchemaStore newSchemaStore();

    @BeforeEach
    final void openStore() {
        store = newSchemaStore();
    }

    private EventSchema schema(String name, int version, String jsonSchema, List<String> upcastPath) {
        return new EventSchema(
                prefix + name,
                version,
                "com.example." + name + "V" + version,
                jsonSchema,
                Sha256.hex(jsonSchema.getBytes(StandardCharsets.UTF_8)),
                upcastPath,
                now);
    }

    private EventSchema schema(String name, int version) {
        return schema(name, version, "{\"type\":\"object\"}", List.of());
    }

    @Test
    void aSavedSchemaIsFoundExactlyAsGiven() {
        EventSchema saved = schema(
                "PriceSet",
                1,
                "{\"properties\":{\"cents\":{\"type\":\"integer\"}},\"type\":\"object\"}",
                List.of("PriceSet v1 → PriceSet v2 by @Upcast com.example.PriceSetV2.from"));

        store.save(saved);

        assertThat(store.find(prefix + "PriceSet", 1)).contains(saved);
    }

    @Test
    void anUnknownNameOrVersionIsEmpty() {
        store.save(schema("Known", 1));

        assertThat(store.find(prefix + "Known", 2)).isEmpty();
        assertThat(store.find(prefix + "Unknown", 1)).isEmpty();
    }

    @Test
    void aLargeSchemaWithNonAsciiTextIsKeptWhole() {
        String descriptions = IntStream.range(0, 2_000)
                .mapToObj(i -> "\"f" + i + "\":{\"description\":\"Größe → 金额 " + i + "\",\"type\":\"string\"}")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        EventSchema large =
                schema("Large", 1, "{\"properties\":{" + descriptions + "},\"type\":\"object\"}", List.of());

        store.save(large);

        assertThat(large.jsonSchema().length()).isGreaterThan(100_000);
        assertThat(store.find(prefix + "Large", 1)).contains(large);
    }

    @Test
    void savingANameAndVersionAgainReplacesItsSchema() {
        store.save(schema("Changed", 1, "{\"type\":\"object\"}", List.of()));
        EventSchema replacement =
                schema("Changed", 1, "{\"type\":\"string\"}", List.of("Changed v1 → Changed v2 by an upcaster"));

        store.save(replacement);

        assertThat(store.find(prefix + "Changed", 1)).contains(replacement);
        assertThat(store.list(new EventSchema.Key(prefix, 0), 100))
                .filteredOn(found -> found.name().equals(prefix + "Changed"))
                .hasSize(1);
    }

    @Test
    void schemasAreListedByNameThenVersion() {
        store.save(schema("B", 2));
        store.save(schema("A", 10));
        store.save(schema("B", 1));
        store.save(schema("A", 9));

        List<EventSchema.Key> listed = mine(store.list(null, 10_000));

        assertThat(listed)
                .containsExactly(
                        new EventSchema.Key(prefix + "A", 9),
                        new EventSchema.Key(prefix + "A", 10),
                        new EventSchema.Key(prefix + "B", 1),
                        new EventSchema.Key(prefix + "B", 2));
    }

    @Test
    void aPageStartsAfterTheGivenKeyAndHoldsAtMostTheLimit() {
        for (int version = 1; version <= 5; version++) {
            store.save(schema("Paged", version));
        }

        List<EventSchema> page = store.list(new EventSchema.Key(prefix + "Paged", 2), 2);

        assertThat(page)
                .extracting(EventSchema::key)
                .containsExactly(new EventSchema.Key(prefix + "Paged", 3), new EventSchema.Key(prefix + "Paged", 4));
    }

    @Test
    void pagingThroughTheRegistryVisitsEverySchemaOnce() {
        for (int version = 1; version <= 7; version++) {
            store.save(schema("Walk", version));
        }
        List<EventSchema.Key> visited = new ArrayList<>();
        EventSchema.Key after = new EventSchema.Key(prefix, 0);

        List<EventSchema> page;
        do {
            page = store.list(after, 3);
            visited.addAll(mine(page));
            after = page.isEmpty() ? after : page.get(page.size() - 1).key();
        } while (page.size() == 3 && after.name().startsWith(prefix));

        assertThat(visited).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void twoSavesOfOneKeyAtOnceLeaveOneOfTheirSchemas() throws Exception {
        EventSchema first = schema("Raced", 1, "{\"type\":\"object\"}", List.of());
        EventSchema second = schema("Raced", 1, "{\"type\":\"array\"}", List.of());
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> {
            await(start);
            store.save(first);
        });
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> {
            await(start);
            store.save(second);
        });
        CompletableFuture.allOf(one, two).get();

        assertThat(store.find(prefix + "Raced", 1))
                .hasValueSatisfying(kept -> assertThat(kept).isIn(first, second));
        assertThat(mine(store.list(null, 10_000))).containsExactly(new EventSchema.Key(prefix + "Raced", 1));
    }

    private List<EventSchema.Key> mine(List<EventSchema> schemas) {
        return schemas.stream()
                .map(EventSchema::key)
                .filter(key -> key.name().startsWith(prefix))
                .toList();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
