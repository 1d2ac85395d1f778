package io.streamdingo.engine.schemas;

import io.streamdingo.api.EventSchema;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.engine.types.EventTypeKey;
import io.streamdingo.engine.types.EventTypeRegistry;
import io.streamdingo.engine.types.UpcastPipeline;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the schema of every registered event class to a {@link SchemaStore} (SE-3): a new type or version is
 * added; a known one whose generated schema differs from the kept one changed without a new version, which
 * is logged as a WARNING naming it (events stored before may no longer read) and then kept as the current
 * schema; one whose Java type or upcast path changed is updated quietly.
 */
public final class SchemaRegistration {

    private static final System.Logger LOG = System.getLogger(SchemaRegistration.class.getName());

    private final EventTypeRegistry types;
    private final UpcastPipeline upcasting;
    private final Clock clock;
    private final EventJsonSchemas schemas = new EventJsonSchemas();

    /** Registers the classes of {@code types}, with upcast paths from {@code upcasting}, timed by {@code clock}. */
    public SchemaRegistration(EventTypeRegistry types, UpcastPipeline upcasting, Clock clock) {
        this.types = types;
        this.upcasting = upcasting;
        this.clock = clock;
    }

    /**
     * The outcome of writing the registry.
     *
     * @param added schemas new to the store
     * @param changedWithoutNewVersion types and versions whose schema differs from the one kept
     * @param updated schemas whose Java type or upcast path changed
     * @param unchanged schemas kept as they were
     */
    public record Report(
            List<EventSchema.Key> added,
            List<EventSchema.Key> changedWithoutNewVersion,
            List<EventSchema.Key> updated,
            int unchanged) {

        /** Copies the lists. */
        public Report {
            added = List.copyOf(added);
            changedWithoutNewVersion = List.copyOf(changedWithoutNewVersion);
            updated = List.copyOf(updated);
        }
    }

    /**
     * Writes every registered type's schema to {@code store}.
     *
     * @throws io.streamdingo.api.StoreUnavailableException if {@code store} cannot be reached
     */
    public Report writeTo(SchemaStore store) {
        List<EventSchema.Key> added = new ArrayList<>();
        List<EventSchema.Key> changed = new ArrayList<>();
        List<EventSchema.Key> updated = new ArrayList<>();
        int unchanged = 0;
        for (EventSchema generated : generate()) {
            Optional<EventSchema> kept = store.find(generated.name(), generated.version());
            if (kept.isEmpty()) {
                store.save(generated);
                added.add(generated.key());
            } else if (!kept.get().fingerprint().equals(generated.fingerprint())) {
                warnChanged(kept.get(), generated);
                store.save(generated);
                changed.add(generated.key());
            } else if (!kept.get().javaType().equals(generated.javaType())
                    || !kept.get().upcastPath().equals(generated.upcastPath())) {
                store.save(new EventSchema(
                        generated.name(),
                        generated.version(),
                        generated.javaType(),
                        generated.jsonSchema(),
                        generated.fingerprint(),
                        generated.upcastPath(),
                        kept.get().registeredAt()));
                updated.add(generated.key());
            } else {
                unchanged++;
            }
        }
        LOG.log(
                Level.INFO,
                "StreamDingo schema registry: {0} event schema(s), {1} new, {2} changed without a new version, {3}"
                        + " updated",
                added.size() + changed.size() + updated.size() + unchanged,
                added.size(),
                changed.size(),
                updated.size());
        return new Report(added, changed, updated, unchanged);
    }

    /** The schema of every registered class, in key order. */
    public List<EventSchema> generate() {
        List<EventSchema> generated = new ArrayList<>();
        for (Map.Entry<Class<?>, EventTypeKey> type : types.registered().entrySet()) {
            Class<?> javaType = type.getKey();
            EventTypeKey key = type.getValue();
            String schema = schemas.schemaOf(javaType);
            generated.add(new EventSchema(
                    key.name(),
                    key.version(),
                    javaType.getName(),
                    schema,
                    EventJsonSchemas.fingerprintOf(schema),
                    upcasting.pathFrom(javaType),
                    clock.instant()));
        }
        generated.sort(Comparator.comparing(EventSchema::key));
        return generated;
    }

    private static void warnChanged(EventSchema kept, EventSchema generated) {
        LOG.log(
                Level.WARNING,
                "event type {0} version {1} ({2}) has a different schema than when it was registered on {3}"
                        + " (fingerprint {4} became {5}) but kept its version: events stored before may no longer"
                        + " read, and other services reading the registry see a schema that changed under them. Give"
                        + " the changed class @EventType(name = \"{0}\", version = {6}) and an upcaster from the"
                        + " old one, or undo the change",
                kept.name(),
                kept.version(),
                generated.javaType(),
                kept.registeredAt(),
                kept.fingerprint().substring(0, 12),
                generated.fingerprint().substring(0, 12),
                kept.version() + 1);
    }
}
