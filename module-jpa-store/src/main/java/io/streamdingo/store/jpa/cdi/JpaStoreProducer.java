package io.streamdingo.store.jpa.cdi;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.store.jpa.JpaDeadLetterStore;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.JpaOffsetStore;
import io.streamdingo.store.jpa.JpaProcessedEvents;
import io.streamdingo.store.jpa.JpaSchemaStore;
import io.streamdingo.store.jpa.JpaSnapshotStore;
import io.streamdingo.store.jpa.JpaSubjectKeyStore;
import io.streamdingo.store.jpa.MasterKeySettings;
import io.streamdingo.store.jpa.SchemaMigrations;
import io.streamdingo.store.jpa.StoreMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jspecify.annotations.Nullable;

/**
 * Makes the JPA store the {@link EventStoreBackend} bean when this module is deployed, so that
 * {@code @Inject EventStore} keeps events in the database.
 *
 * <p>The entity manager factory is the application's {@link EntityManagerFactory} bean if there is one (on
 * Open Liberty: {@code @Produces @PersistenceUnit(unitName = "streamdingo") EntityManagerFactory emf;}),
 * otherwise one this producer creates for the persistence unit named by
 * {@code streamdingo.store.jpa.persistence-unit}. Before first use the schema is migrated through the
 * application's {@link DataSource} bean or the data source found in JNDI under
 * {@code streamdingo.store.jpa.datasource}.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code streamdingo.store.jpa.persistence-unit}</td><td>{@code streamdingo}</td>
 *       <td>the unit to create when the application produces no factory</td></tr>
 *   <tr><td>{@code streamdingo.store.jpa.migrate}</td><td>{@code true}</td>
 *       <td>run the schema migrations at start-up</td></tr>
 *   <tr><td>{@code streamdingo.store.jpa.datasource}</td><td>{@code jdbc/streamdingo}</td>
 *       <td>JNDI name of the data source to migrate, when the application produces none</td></tr>
 * </table>
 */
@ApplicationScoped
public class JpaStoreProducer {

    private static final System.Logger LOG = System.getLogger(JpaStoreProducer.class.getName());

    /** The factory this producer created, and so must close; null when the application supplied one. */
    private @Nullable EntityManagerFactory owned;

    /** The factory the event store runs on; the snapshot store uses the same. */
    private @Nullable EntityManagerFactory factory;

    // @Singleton, not @ApplicationScoped: one thread-safe instance either way, but no client proxy, which a
    // container would have to define inside the api's own (closed) package.
    @Produces
    @Singleton
    EventStoreBackend jpaEventStoreBackend(Instance<EntityManagerFactory> factories, Instance<DataSource> dataSources) {
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue("streamdingo.store.jpa.migrate", Boolean.class)
                .orElse(true)) {
            int applied = SchemaMigrations.migrate(dataSource(dataSources, config));
            LOG.log(Level.INFO, "StreamDingo schema migrated: {0} script(s) applied", applied);
        }
        EntityManagerFactory emf;
        if (factories.isResolvable()) {
            emf = factories.get();
        } else {
            String unit = config.getOptionalValue("streamdingo.store.jpa.persistence-unit", String.class)
                    .orElse("streamdingo");
            emf = Persistence.createEntityManagerFactory(unit, StoreMapping.properties());
            owned = emf;
        }
        factory = emf;
        JpaEventStoreBackend backend = new JpaEventStoreBackend(emf);
        if (config.getOptionalValue("streamdingo.store.jpa.notify-other-processes", Boolean.class)
                .orElse(true)) {
            try {
                if (backend.notifyOtherProcesses(threadFactory())) {
                    LOG.log(
                            Level.INFO,
                            "StreamDingo tells the other processes of this store about its appends (LISTEN/NOTIFY)");
                }
            } catch (IllegalStateException e) {
                LOG.log(
                        Level.WARNING,
                        "{0}; until then they find each other''s new events at their next poll",
                        e.getMessage());
            }
        }
        return backend;
    }

    /** The server's managed threads (they carry the application's context), else daemon threads. */
    private static ThreadFactory threadFactory() {
        try {
            return (ThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            LOG.log(
                    Level.INFO,
                    "no managed thread factory at java:comp/DefaultManagedThreadFactory ({0}): the store''s"
                            + " notifications run on threads of their own, without the server''s context",
                    e.toString());
            return task -> {
                Thread thread = new Thread(task);
                thread.setDaemon(true);
                return thread;
            };
        }
    }

    /** Snapshots in the same database and unit as the events (SN-3), created after the store's migrations. */
    @Produces
    @Singleton
    SnapshotStore jpaSnapshotStore(EventStoreBackend backend) {
        if (factory == null) {
            throw new IllegalStateException("the JPA snapshot store needs the JPA event store backend, but "
                    + backend.getClass().getName() + " is deployed instead");
        }
        return new JpaSnapshotStore(factory);
    }

    /**
     * Creates the backend when the application starts: the migrations then run outside any caller's
     * transaction, and a wrong configuration fails the deployment rather than the first request.
     */
    void startWithTheApplication(
            @Observes @Initialized(ApplicationScoped.class) Object started, EventStoreBackend backend) {
        LOG.log(Level.DEBUG, "JPA event store ready: {0}", backend);
    }

    /** Consumers' positions in the same database and unit as the events (ST-5). */
    @Produces
    @Singleton
    OffsetStore jpaOffsetStore(EventStoreBackend backend) {
        if (factory == null) {
            throw new IllegalStateException("the JPA offset store needs the JPA event store backend, but "
                    + backend.getClass().getName() + " is deployed instead");
        }
        return new JpaOffsetStore(factory);
    }

    /** The dead-letter table of the subscriptions (ST-4), in the same database and unit. */
    @Produces
    @Singleton
    DeadLetterStore jpaDeadLetterStore(EventStoreBackend backend) {
        if (factory == null) {
            throw new IllegalStateException("the JPA dead-letter store needs the JPA event store backend, but "
                    + backend.getClass().getName() + " is deployed instead");
        }
        return new JpaDeadLetterStore(factory);
    }

    /** The schema registry's table (SE-3), in the same database and unit, written when the engine starts. */
    @Produces
    @Singleton
    SchemaStore jpaSchemaStore(EventStoreBackend backend) {
        if (factory == null) {
            throw new IllegalStateException("the JPA schema registry needs the JPA event store backend, but "
                    + backend.getClass().getName() + " is deployed instead");
        }
        return new JpaSchemaStore(factory);
    }

    /**
     * The data subjects' keys for crypto-shredding, in the same database and unit, wrapped by the master key that
     * MicroProfile Config gives ({@link MasterKeySettings}). The engine asks for it only when an event type holds
     * personal data, so an application without any needs no master key.
     */
    @Produces
    @Singleton
    SubjectKeyStore jpaSubjectKeyStore(EventStoreBackend backend) {
        if (factory == null) {
            throw new IllegalStateException("the JPA key store needs the JPA event store backend, but "
                    + backend.getClass().getName() + " is deployed instead");
        }
        Config config = ConfigProvider.getConfig();
        MasterKeySettings masterKeys = MasterKeySettings.read(key -> config.getOptionalValue(key, String.class));
        JpaSubjectKeyStore keys = new JpaSubjectKeyStore(factory, masterKeys.current(), masterKeys.previous());
        LOG.log(
                Level.INFO,
                "StreamDingo keeps the data subjects'' keys in sd_subject_keys, wrapped by master key {0}",
                masterKeys.current().id());
        return keys;
    }

    /** The processed-events table for exactly-once consumers (ST-8), in the same database and unit. */
    @Produces
    @Singleton
    ProcessedEvents jpaProcessedEvents(EventStoreBackend backend) {
        if (factory == null) {
            throw new IllegalStateException("the JPA processed-events table needs the JPA event store backend, but "
                    + backend.getClass().getName() + " is deployed instead");
        }
        return new JpaProcessedEvents(factory, Clock.systemUTC());
    }

    void close(@Disposes EventStoreBackend backend) {
        backend.close();
        if (owned != null) {
            owned.close();
        }
    }

    private static DataSource dataSource(Instance<DataSource> dataSources, Config config) {
        if (dataSources.isResolvable()) {
            return dataSources.get();
        }
        String name = config.getOptionalValue("streamdingo.store.jpa.datasource", String.class)
                .orElse("jdbc/streamdingo");
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot migrate the StreamDingo schema: there is no DataSource bean and "
                            + "no data source named '" + name
                            + "' in JNDI; set streamdingo.store.jpa.datasource, produce a "
                            + "DataSource bean, or set streamdingo.store.jpa.migrate=false and migrate yourself",
                    e);
        }
    }
}
