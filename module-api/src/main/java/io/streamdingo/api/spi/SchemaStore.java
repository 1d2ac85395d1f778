package io.streamdingo.api.spi;

import io.streamdingo.api.EventSchema;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the schema registry is kept: one row per event type name and schema version. The engine decides
 * what to write (it generates the schemas and compares fingerprints); a store only keeps what it is given.
 * The in-memory reference keeps it for the life of the process, the Jakarta Persistence store in a table, so
 * that it outlives the application and other services can read it. Every implementation passes the
 * schema-store contract in {@code io.streamdingo.tck}. Implementations are thread-safe.
 */
public interface SchemaStore {

    /** The schema kept for {@code name} at {@code version}, exactly as it was saved; empty if there is none. */
    Optional<EventSchema> find(String name, int version);

    /**
     * Keeps {@code schema} as the one of its name and version, replacing what was kept for them; two servers
     * saving the same key at once leave one of their schemas, never two rows or an error.
     */
    void save(EventSchema schema);

    /**
     * Up to {@code limit} schemas in {@link EventSchema.Key} order with a key greater than {@code after} (all of
     * them when null).
     */
    List<EventSchema> list(EventSchema.@Nullable Key after, int limit);
}
