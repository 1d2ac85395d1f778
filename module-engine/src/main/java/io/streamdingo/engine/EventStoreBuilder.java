package io.streamdingo.engine;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.spi.EventSerializer;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.api.spi.Upcaster;
import io.streamdingo.engine.schemas.SchemaRegistration;
import io.streamdingo.engine.serialization.JacksonEventSerializer;
import io.streamdingo.engine.store.DefaultEventStore;
import io.streamdingo.engine.store.EventCodec;
import io.streamdingo.engine.store.GuardedObserver;
import io.streamdingo.engine.store.GuardedTracing;
import io.streamdingo.engine.store.StoreSettings;
import io.streamdingo.engine.types.EventTypeIndex;
import io.streamdingo.engine.types.EventTypeRegistry;
import io.streamdingo.engine.types.UpcastPipeline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Configures and builds an {@link EventStore}. Not thread-safe; the built store is.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #backend}</td><td>the backend a deployed store module's configuration opens
 *       ({@link io.streamdingo.api.spi.EventStoreBackendProvider}, read from {@link #settings}), else a new
 *       in-memory backend</td></tr>
 *   <tr><td>{@link #settings}</td><td>MicroProfile Config when it is there, else system properties</td></tr>
 *   <tr><td>{@link #serializer}</td><td>JSON through Jackson ({@link JacksonEventSerializer})</td></tr>
 *   <tr><td>{@link #pageSize}</td><td>{@value #DEFAULT_PAGE_SIZE} events in a read's first backend call</td></tr>
 *   <tr><td>{@link #maxPageSize}</td><td>{@value #DEFAULT_MAX_PAGE_SIZE} events at most per backend call</td></tr>
 *   <tr><td>{@link #maxPayloadBytes}</td><td>{@value #DEFAULT_MAX_PAYLOAD_BYTES} bytes (1 MiB)</td></tr>
 *   <tr><td>{@link #nodeName}</td><td>the JVM's {@code pid@host}</td></tr>
 *   <tr><td>{@link #clock}</td><td>the UTC system clock</td></tr>
 *   <tr><td>{@link #schemaStore}</td><td>none: the registry is generated in memory when first read</td></tr>
 * </table>
 */
public final class EventStoreBuilder {

    /** Events per backend read unless configured otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    /** Largest page a long read grows to unless configured otherwise. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 10_000;

    /** Largest serialized payload unless configured otherwise: 1 MiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    private final Set<Class<?>> eventTypes = new LinkedHashSet<>();
    private final List<Upcaster<?>> upcasters = new ArrayList<>();
    private @Nullable EventStoreBackend backend;
    private @Nullable Function<String, Optional<String>> settings;
    private EventSerializer serializer = new JacksonEventSerializer();
    private Clock clock = Clock.systemUTC();
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    private String nodeName = defaultNodeName();
    private final List<io.streamdingo.api.spi.EngineObserver> observers = new ArrayList<>();
    private io.streamdingo.api.spi.EventTracing tracing = io.streamdingo.api.spi.EventTracing.NONE;
    private @Nullable SchemaStore schemaStore;
    private java.util.function.@Nullable Supplier<? extends io.streamdingo.api.spi.SubjectKeyStore> subjectKeys;

    EventStoreBuilder() {}

    /**
     * Registers event classes (SE-1). Only registered classes can be appended, and a stored event can be
     * read only if the class for its type name and version is registered. {@link io.streamdingo.api.Upcast}
     * methods on these classes are picked up.
     */
    public EventStoreBuilder register(Class<?>... types) {
        for (Class<?> type : Objects.requireNonNull(types, "types")) {
            eventTypes.add(Objects.requireNonNull(type, "event types must not contain null"));
        }
        return this;
    }

    /**
     * Registers every {@code @EventType} class that {@code loader} finds in an event-type index, which
     * StreamDingo's annotation processor writes when {@code streamdingo-hashing} is on the compiler's processor
     * path. In a Jakarta EE application this happens by itself (the store's CDI producer calls it with the
     * application's class loader); classes registered by hand as well are registered once.
     *
     * @throws java.io.UncheckedIOException if an index cannot be read
     */
    public EventStoreBuilder registerIndexed(ClassLoader loader) {
        eventTypes.addAll(EventTypeIndex.load(Objects.requireNonNull(loader, "loader")));
        return this;
    }

    /**
     * Where the schema registry is kept (SE-3): {@link #buildEngine()} writes every registered type's JSON
     * Schema there, logging a WARNING for a type whose schema changed without a new version. Without one,
     * {@link StoreEngine#schemas()} generates the registry in memory when it is first read.
     */
    public EventStoreBuilder schemaStore(SchemaStore value) {
        schemaStore = Objects.requireNonNull(value, "schemaStore");
        return this;
    }

    /** Adds an upcaster (SE-2), for splits, drops, or upcasts that do not fit a static method. */
    public EventStoreBuilder upcaster(Upcaster<?> upcaster) {
        upcasters.add(Objects.requireNonNull(upcaster, "upcaster"));
        return this;
    }

    /**
     * Where a store module without a {@link #backend} finds its configuration, such as
     * {@code streamdingo.store.jpa.url} for the JPA store (see its documentation).
     */
    public EventStoreBuilder settings(Function<String, Optional<String>> value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** Where events are kept; the store closes it when it is closed. */
    public EventStoreBuilder backend(EventStoreBackend value) {
        this.backend = Objects.requireNonNull(value, "backend");
        return this;
    }

    /**
     * Where the data subjects' keys are kept, for event types with {@link io.streamdingo.api.privacy.PersonalData}
     * fields: their values are stored encrypted with the subject's key, and read as null once it is forgotten. A
     * store in memory uses keys in memory unless this says otherwise; any other store needs it when such types are
     * registered.
     */
    public EventStoreBuilder subjectKeys(io.streamdingo.api.spi.SubjectKeyStore value) {
        Objects.requireNonNull(value, "subjectKeys");
        this.subjectKeys = () -> value;
        return this;
    }

    /**
     * Like {@link #subjectKeys(io.streamdingo.api.spi.SubjectKeyStore)}, asked for the key store only if a
     * registered event type holds personal data: a container passes its key-store bean this way, so that an
     * application without personal data needs no master key.
     */
    public EventStoreBuilder subjectKeys(
            java.util.function.Supplier<? extends io.streamdingo.api.spi.SubjectKeyStore> value) {
        this.subjectKeys = Objects.requireNonNull(value, "subjectKeys");
        return this;
    }

    /** How payloads become bytes. */
    public EventStoreBuilder serializer(EventSerializer value) {
        this.serializer = Objects.requireNonNull(value, "serializer");
        return this;
    }

    /**
     * Adds an observer told what the store, its relay, subscriptions and replay do (for metrics); several
     * observers are each told. One that throws is logged once and otherwise ignored.
     */
    public EventStoreBuilder observer(io.streamdingo.api.spi.EngineObserver value) {
        observers.add(Objects.requireNonNull(value, "observer"));
        return this;
    }

    /**
     * Traces appends, the relay's publications and consumers' processing with {@code value} (OpenTelemetry
     * through the management module); one that throws is logged once and the work goes on untraced.
     */
    public EventStoreBuilder tracing(io.streamdingo.api.spi.EventTracing value) {
        this.tracing = Objects.requireNonNull(value, "tracing");
        return this;
    }

    /** The time source of timestamps and session leases. */
    public EventStoreBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Events fetched by a read's first backend call, 1 to 100,000. Later pages grow fourfold up to
     * {@link #maxPageSize}: short reads stay cheap, long ones need few queries.
     */
    public EventStoreBuilder pageSize(int value) {
        this.pageSize = requirePageSize("page size", value);
        return this;
    }

    /** The most events one backend call fetches, 1 to 100,000; bounds a read's memory. */
    public EventStoreBuilder maxPageSize(int value) {
        this.maxPageSize = requirePageSize("max page size", value);
        return this;
    }

    private static int requirePageSize(String name, int value) {
        if (value < 1 || value > 100_000) {
            throw new IllegalArgumentException(name + " must be between 1 and 100000, not " + value);
        }
        return value;
    }

    /** Largest serialized payload accepted by an append, 1 byte to 64 MiB. */
    public EventStoreBuilder maxPayloadBytes(int value) {
        if (value < 1 || value > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("max payload size must be between 1 byte and 64 MiB, not " + value);
        }
        this.maxPayloadBytes = value;
        return this;
    }

    /** Names this process in session ids; 1 to 100 printable characters. */
    public EventStoreBuilder nodeName(String value) {
        if (value == null
                || value.isBlank()
                || value.length() > 100
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("node name must be 1 to 100 printable characters");
        }
        this.nodeName = value;
        return this;
    }

    private static String defaultNodeName() {
        String host = System.getenv("HOSTNAME");
        return ProcessHandle.current().pid() + "@" + (host == null || host.isBlank() ? "localhost" : host);
    }

    /**
     * Builds the store.
     *
     * @throws IllegalArgumentException if the registered types or upcasters break their rules (duplicate
     *     names and versions, abstract classes, malformed {@code @Upcast} methods), or a store module's
     *     configuration is wrong
     * @throws IllegalStateException if two store modules are configured
     */
    public EventStore build() {
        return buildEngine().store();
    }

    /**
     * Builds the store together with its {@link StoreEngine}, which replay, retention, the outbox relay and
     * subscriptions are built from ({@link EventStores}); {@link StoreEngine#store()} is the store.
     *
     * @throws IllegalArgumentException as {@link #build()}
     */
    public StoreEngine buildEngine() {
        EventTypeRegistry registry = EventTypeRegistry.of(eventTypes);
        UpcastPipeline upcasting = UpcastPipeline.of(registry, eventTypes, upcasters);
        EventStoreBackend chosen =
                backend != null ? backend : StoreModules.backend(settings != null ? settings : SystemSettings.lookup());
        EventCodec codec = new EventCodec(registry, upcasting, serializer, maxPayloadBytes, protection(chosen));
        SchemaRegistration schemas = new SchemaRegistration(registry, upcasting, clock);
        if (schemaStore != null) {
            writeSchemas(schemas, schemaStore);
        }
        return new StoreEngine(
                new DefaultEventStore(
                        chosen,
                        codec,
                        new StoreSettings(
                                clock,
                                pageSize,
                                maxPageSize,
                                nodeName,
                                GuardedObserver.of(observers),
                                GuardedTracing.of(tracing))),
                schemas,
                schemaStore);
    }

    /**
     * The encryption of personal data, if a registered type holds some: with the configured key store, or keys in
     * memory for a store in memory.
     *
     * @throws IllegalArgumentException if a type's annotations are wrong, the serializer does not write JSON, or
     *     no key store is configured for a store outside memory
     */
    private io.streamdingo.engine.privacy.@Nullable PayloadProtection protection(EventStoreBackend chosen) {
        List<String> personal = new ArrayList<>();
        for (Class<?> type : eventTypes) {
            if (io.streamdingo.engine.privacy.PersonalDataPlan.of(type).protects()) {
                personal.add(type.getName());
            }
        }
        if (personal.isEmpty()) {
            return null;
        }
        if (!serializer.contentType().startsWith("application/json")) {
            throw new IllegalArgumentException("event types " + personal + " hold @PersonalData, which is encrypted"
                    + " in the serialized JSON; the serializer writes " + serializer.contentType());
        }
        io.streamdingo.api.spi.SubjectKeyStore keys = subjectKeys == null ? null : subjectKeys.get();
        if (keys == null) {
            if (chosen instanceof io.streamdingo.engine.memory.InMemoryEventStoreBackend) {
                keys = new io.streamdingo.engine.memory.InMemorySubjectKeyStore();
            } else {
                keys = StoreModules.subjectKeysBeside(chosen, settings != null ? settings : SystemSettings.lookup())
                        .orElseThrow(() -> new IllegalArgumentException("event types " + personal
                                + " hold @PersonalData, but no key store for the data subjects' keys is configured:"
                                + " give EventStoreBuilder.subjectKeys"));
            }
        }
        return new io.streamdingo.engine.privacy.PayloadProtection(keys);
    }

    /** An unreachable registry store must not keep the application from starting: it is written next time. */
    private static void writeSchemas(SchemaRegistration schemas, SchemaStore store) {
        try {
            schemas.writeTo(store);
        } catch (StoreUnavailableException e) {
            System.getLogger(EventStoreBuilder.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "the schema registry was not written ({0}); it is written at the next start",
                            e.getMessage());
        }
    }
}
