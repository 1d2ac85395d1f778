package io.streamdingo.engine.schemas;

import io.streamdingo.api.EventSchema;
import io.streamdingo.api.SchemaRegistry;
import io.streamdingo.api.spi.SchemaStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link SchemaRegistry} over the {@link SchemaStore} the engine wrote it to: reads checked, then passed on. */
public final class RegisteredSchemas implements SchemaRegistry {

    private final SchemaStore store;

    /** Reads the registry kept in {@code store}. */
    public RegisteredSchemas(SchemaStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<EventSchema> list(EventSchema.@Nullable Key after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is 1 or more; got " + limit);
        }
        return store.list(after, limit);
    }

    @Override
    public Optional<EventSchema> find(String name, int version) {
        Objects.requireNonNull(name, "name must not be null");
        return store.find(name, version);
    }
}
