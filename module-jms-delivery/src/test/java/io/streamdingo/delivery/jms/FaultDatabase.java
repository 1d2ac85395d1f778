package io.streamdingo.delivery.jms;

import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.SchemaMigrations;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL of a fault test: a schema of its own in database {@code test}, migrated, with the test's own
 * consumer table, an event store over it, dropped at {@link #close()}. Named like the JPA tests' schemas
 * ({@code sdt_<created, base 36>_<random>_<test>}), so that a later run drops it if this one is killed first.
 */
final class FaultDatabase implements AutoCloseable {

    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true";

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final String schema;
    private final EntityManagerFactory emf;
    private final StoreEngine engine;

    /**
     * @param test the test class's name, lower case
     * @param consumerTable the DDL of the table the test's consumers write
     */
    FaultDatabase(String test, String consumerTable) throws SQLException {
        schema = "sdt_" + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + UUID.randomUUID().toString().substring(0, 8) + "_" + test;
        dataSource.setURL(POSTGRESQL);
        dataSource.setUser("postgres");
        execute("CREATE SCHEMA " + schema);
        dataSource.setURL(POSTGRESQL + "&currentSchema=" + schema);
        SchemaMigrations.migrate(dataSource);
        execute(consumerTable);
        emf = Persistence.createEntityManagerFactory(
                "streamdingo-fault", Map.of("jakarta.persistence.jdbc.url", dataSource.getURL()));
        engine = EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(ItemAdded.class)
                .buildEngine();
    }

    PGSimpleDataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL into the schema, for another process. */
    String url() {
        return dataSource.getURL();
    }

    EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    StoreEngine engine() {
        return engine;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        engine.close();
        emf.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
