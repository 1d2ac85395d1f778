package io.streamdingo.engine.memory;

import io.streamdingo.api.EventSchema;
import io.streamdingo.api.spi.SchemaStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/** The reference {@link SchemaStore}: the schema registry in memory, for the life of the process. */
public final class InMemorySchemaStore implements SchemaStore {

    private final ConcurrentSkipListMap<EventSchema.Key, EventSchema> schemas = new ConcurrentSkipListMap<>();

    @Override
    public Optional<EventSchema> find(String name, int version) {
        Objects.requireNonNull(name, "name must not be null");
        return Optional.ofNullable(schemas.get(new EventSchema.Key(name, version)));
    }

    @Override
    public void save(EventSchema schema) {
        Objects.requireNonNull(schema, "schema must not be null");
        schemas.put(schema.key(), schema);
    }

    @Override
    public List<EventSchema> list(EventSchema.@Nullable Key after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is 1 or more; got " + limit);
        }
        return (after == null ? schemas : schemas.tailMap(after, false))
                .values().stream().limit(limit).toList();
    }
}
