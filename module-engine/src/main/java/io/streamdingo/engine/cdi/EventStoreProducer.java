package io.streamdingo.engine.cdi;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.SchemaRegistry;
import io.streamdingo.api.spi.EngineObserver;
import io.streamdingo.api.spi.EventDecoder;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.engine.EventStoreCustomizer;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes {@code @Inject EventStore} work (OPS-7): builds the store over the deployed
 * {@link EventStoreBackend} bean (the JPA store when its module is deployed) or, without one, over the
 * in-memory backend; registers the application's indexed {@code @EventType} classes (see
 * {@link EventStoreBuilder#registerIndexed}) and writes their schemas to the deployed {@link SchemaStore} bean
 * (in memory without one), tells every {@link EngineObserver} bean what the engine does, traces with the
 * {@link EventTracing} bean if one is deployed, keeps the data subjects' keys in the {@link SubjectKeyStore} bean
 * (the JPA store's when deployed; asked for only if an event type holds personal data),
 * applies every {@link EventStoreCustomizer} bean, then these
 * MicroProfile Config keys:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th></tr>
 *   <tr><td>{@code streamdingo.store.page-size}</td><td>500</td></tr>
 *   <tr><td>{@code streamdingo.store.max-page-size}</td><td>10000</td></tr>
 *   <tr><td>{@code streamdingo.store.max-payload-bytes}</td><td>1048576</td></tr>
 *   <tr><td>{@code streamdingo.store.node-name}</td><td>{@code pid@host}</td></tr>
 * </table>
 */
@ApplicationScoped
public class EventStoreProducer {

    private static final System.Logger LOG = System.getLogger(EventStoreProducer.class.getName());

    // @Singleton, not @ApplicationScoped: one thread-safe instance either way, but no client proxy, which a
    // container would have to define inside the api's own (closed) package.
    @Produces
    @Singleton
    StoreEngine storeEngine(
            Instance<EventStoreBackend> backends,
            Instance<EventStoreCustomizer> customizers,
            Instance<EngineObserver> observers,
            Instance<EventTracing> tracings,
            Instance<SchemaStore> schemaStores,
            Instance<SubjectKeyStore> subjectKeyStores) {
        EventStoreBuilder builder = EventStores.builder();
        if (backends.isAmbiguous()) {
            throw new IllegalStateException("more than one EventStoreBackend bean is deployed; deploy one store module "
                    + "or make one backend an @Alternative");
        }
        if (backends.isResolvable()) {
            builder.backend(backends.get());
        } else {
            LOG.log(
                    Level.INFO,
                    "no EventStoreBackend bean is deployed: using the in-memory event store, which "
                            + "keeps nothing across restarts; add streamdingo-jpa-store to keep events in a database");
            // the container decides: no store module's own configuration is consulted here
            builder.backend(EventStores.inMemoryBackend());
        }
        builder.registerIndexed(applicationClassLoader());
        // the JPA store's table when that module is deployed; written now, so a changed schema is reported at start
        builder.schemaStore(schemaStores.isResolvable() ? schemaStores.get() : EventStores.inMemorySchemaStore());
        if (subjectKeyStores.isResolvable()) {
            // asked for only if an event type holds personal data: the JPA store's needs a master key
            builder.subjectKeys(subjectKeyStores::get);
        }
        observers.forEach(builder::observer); // the management module's metrics, when it is deployed
        if (tracings.isResolvable()) {
            builder.tracing(tracings.get()); // the management module's OpenTelemetry tracing, when deployed
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        Config config = ConfigProvider.getConfig();
        config.getOptionalValue("streamdingo.store.page-size", Integer.class).ifPresent(builder::pageSize);
        config.getOptionalValue("streamdingo.store.max-page-size", Integer.class)
                .ifPresent(builder::maxPageSize);
        config.getOptionalValue("streamdingo.store.max-payload-bytes", Integer.class)
                .ifPresent(builder::maxPayloadBytes);
        config.getOptionalValue("streamdingo.store.node-name", String.class).ifPresent(builder::nodeName);
        return builder.buildEngine();
    }

    /** The deployment's class loader, which sees the application's event-type indexes. */
    private static ClassLoader applicationClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : EventStoreProducer.class.getClassLoader();
    }

    void close(@Disposes StoreEngine engine) {
        engine.close();
    }

    /**
     * The store applications inject: decorate it freely (a CDI {@code @Decorator} applies to this bean); the
     * engine's other parts use the {@link StoreEngine}. Closed with the engine, never by a bean.
     */
    @Produces
    @Singleton
    EventStore eventStore(StoreEngine engine) {
        return new ContainerEventStore(engine.store());
    }

    /** The schema registry the engine wrote at start-up (SE-3), for {@code @Inject SchemaRegistry}. */
    @Produces
    @Singleton
    SchemaRegistry schemaRegistry(StoreEngine engine) {
        return engine.schemas();
    }

    /**
     * Builds the engine when the application starts, so the schema registry is written (and a type changed
     * without a new version reported) then rather than at the first request.
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started, StoreEngine engine) {
        LOG.log(Level.DEBUG, "StreamDingo engine ready: {0}", engine);
    }

    /** Decodes stored events for a broker delivery (the Jakarta Messaging module's message reader). */
    @Produces
    @Singleton
    EventDecoder eventDecoder(StoreEngine engine) {
        return engine.decoder();
    }
}
