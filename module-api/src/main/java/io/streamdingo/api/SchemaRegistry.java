package io.streamdingo.api;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The schema registry: every event type the application registered, at each version, with its Java type, a
 * JSON Schema generated from that type, and its upcast path. The engine writes it when the application starts
 * (a database store keeps it, so other services and operators can read it); a type whose schema changed
 * without a new version is reported then with a WARNING naming it.
 *
 * <p>Inject it ({@code @Inject SchemaRegistry}) or get it from the engine. Thread-safe.
 */
public interface SchemaRegistry {

    /**
     * Up to {@code limit} schemas ordered by type name, then version, starting after {@code after} (from the
     * first when null): page through the registry by passing the last key of one page to get the next.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     * @throws StoreUnavailableException if the store that keeps the registry cannot be reached
     */
    List<EventSchema> list(EventSchema.@Nullable Key after, int limit);

    /**
     * The schema of type {@code name} at {@code version}, or empty if no application registered it.
     *
     * @throws StoreUnavailableException if the store that keeps the registry cannot be reached
     */
    Optional<EventSchema> find(String name, int version);
}
