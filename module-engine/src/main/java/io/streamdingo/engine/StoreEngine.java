package io.streamdingo.engine;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.SchemaRegistry;
import io.streamdingo.api.spi.EventDecoder;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.engine.memory.InMemorySchemaStore;
import io.streamdingo.engine.schemas.RegisteredSchemas;
import io.streamdingo.engine.schemas.SchemaRegistration;
import io.streamdingo.engine.store.DefaultEventStore;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind one event store: what replay, retention, the outbox relay and subscriptions need besides
 * the store's public interface (decoding stored events, its clock and serializer), handed to them by
 * {@link EventStores}. Built by {@link EventStoreBuilder#buildEngine()}.
 *
 * <p>{@link #store()} is the {@link EventStore} that applications use; wrap it (a decorator, a CDI
 * {@code @Decorator}, a metrics or tracing proxy) as you like: nothing in the engine looks at its type. Pass
 * the engine, not the store, where {@code EventStores} asks for one.
 *
 * <p>Thread-safe. Closing the engine closes its store and backend.
 */
public final class StoreEngine implements AutoCloseable {

    private final DefaultEventStore store;
    private final SchemaRegistration schemaRegistration;
    private @Nullable SchemaStore schemaStore;

    StoreEngine(DefaultEventStore store, SchemaRegistration schemaRegistration, @Nullable SchemaStore schemaStore) {
        this.store = store;
        this.schemaRegistration = schemaRegistration;
        this.schemaStore = schemaStore;
    }

    /**
     * The schema registry of the registered event types (SE-3): the one written to the builder's
     * {@linkplain EventStoreBuilder#schemaStore schema store}, else one generated in memory now, on first use.
     */
    public SchemaRegistry schemas() {
        synchronized (schemaRegistration) {
            if (schemaStore == null) {
                InMemorySchemaStore generated = new InMemorySchemaStore();
                schemaRegistration.writeTo(generated);
                schemaStore = generated;
            }
            return new RegisteredSchemas(schemaStore);
        }
    }

    /** The event store this engine runs. */
    public EventStore store() {
        return store;
    }

    /** Reads stored events back as applications see them (decoded, upcast): what a broker delivery needs. */
    public EventDecoder decoder() {
        return store;
    }

    /**
     * True if some registered event class is a {@code type} (itself, a subclass or an implementation): a
     * consumer method taking a {@code type} can receive events. Deployment checks every {@code @Subscribe}
     * method with it.
     */
    public boolean hasEventsOf(Class<?> type) {
        return store.hasEventsOf(type);
    }

    /** Told what the engine does (the observers it was built with): for parts that run beside it. */
    public io.streamdingo.api.spi.EngineObserver observer() {
        return store.observer();
    }

    /** How appends, the relay's publications and consumers' processing are traced. */
    public io.streamdingo.api.spi.EventTracing tracing() {
        return store.tracing();
    }

    /** The engine's own store, for the engine's parts in other packages; never an application's wrapper. */
    DefaultEventStore internals() {
        return store;
    }

    /** Closes the store and its backend; idempotent. */
    @Override
    public void close() {
        store.close();
    }
}
