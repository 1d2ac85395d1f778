package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.WriteGuard;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ES-8: a database that goes away surfaces as {@link StoreUnavailableException}, the driver's error kept. */
class DatabaseUnavailableTest {

    private static final String URL = "jdbc:h2:mem:going-away;DB_CLOSE_DELAY=-1";

    private EntityManagerFactory emf;
    private JpaEventStoreBackend backend;

    /** The chain's rule is the engine's; this test is about the connection, so any link will do. */
    private static final EventChain ANY_LINK = (previous, stream, version, event) -> EventChain.GENESIS;

    @BeforeEach
    void openDatabase() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(URL);
        SchemaMigrations.migrate(source);
        // IFEXISTS: once the database is shut down, connecting fails instead of creating an empty one.
        emf = Persistence.createEntityManagerFactory(
                "streamdingo-test", Map.of("jakarta.persistence.jdbc.url", URL + ";IFEXISTS=TRUE"));
        backend = new JpaEventStoreBackend(emf);
    }

    @AfterEach
    void closeFactory() {
        emf.close();
    }

    @Test
    void appendingWhileTheDatabaseIsDownFailsAsUnavailableKeepingTheDriversCause() throws SQLException {
        StreamId stream = StreamId.of("account", "1");
        backend.append(
                stream, ExpectedVersion.noStream(), List.of(event()), WriteGuard.unlocked(Instant.now()), ANY_LINK);

        shutDownDatabase();

        assertThatThrownBy(() -> backend.append(
                        stream, ExpectedVersion.any(), List.of(event()), WriteGuard.unlocked(Instant.now()), ANY_LINK))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("check that the database is reachable")
                .hasRootCauseInstanceOf(SQLException.class);
    }

    @Test
    void readingWhileTheDatabaseIsDownFailsAsUnavailable() throws SQLException {
        shutDownDatabase();

        assertThatThrownBy(() -> backend.readAll(0, 10))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("read the global order");
    }

    @Test
    void migratingAnUnreachableDatabaseFailsAsUnavailable() {
        JdbcDataSource nowhere = new JdbcDataSource();
        nowhere.setURL("jdbc:h2:mem:never-created;IFEXISTS=TRUE");

        assertThatThrownBy(() -> SchemaMigrations.migrate(nowhere))
                .isInstanceOf(StoreUnavailableException.class)
                .cause()
                .isInstanceOf(SQLException.class);
    }

    private static void shutDownDatabase() throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(URL);
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private static EventToStore event() {
        return new EventToStore(
                UUID.randomUUID(),
                "test.Event",
                1,
                Instant.now(),
                EventMetadata.empty(),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
