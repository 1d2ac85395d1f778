package io.streamdingo.store.jpa;

import io.streamdingo.tck.store.StoreTampering;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the JPA store is tested on. Each is wiped of StreamDingo tables and migrated once per
 * test JVM, then shared by all test classes through one entity manager factory.
 */
enum TestDatabase {
    H2("jdbc:h2:mem:streamdingo;DB_CLOSE_DELAY=-1", "sa", "", () -> {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:streamdingo;DB_CLOSE_DELAY=-1");
        source.setUser("sa");
        return source;
    }),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true", "postgres", "", () -> {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
        source.setUser("postgres");
        return source;
    }),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "", () -> {
        try {
            MariaDbDataSource source = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/test");
            source.setUser("root");
            source.setPassword("");
            return source;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    private static final Map<TestDatabase, EntityManagerFactory> OPEN = new EnumMap<>(TestDatabase.class);

    private final String url;
    private final String user;
    private final String password;
    private final Supplier<DataSource> dataSource;

    TestDatabase(String url, String user, String password, Supplier<DataSource> dataSource) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource.get();
    }

    /** Changes this database's event tables directly, as somebody with write access could. */
    StoreTampering tampering() {
        entityManagerFactory();
        return new SqlTampering(dataSource(), this == POSTGRESQL ? "CAST(? AS jsonb)" : "?", this == MARIADB);
    }

    /** The shared factory, over a freshly migrated schema. */
    synchronized EntityManagerFactory entityManagerFactory() {
        return OPEN.computeIfAbsent(this, database -> {
            DataSource source = dataSource();
            dropStreamDingoTables(source);
            SchemaMigrations.migrate(source);
            return newFactory();
        });
    }

    /**
     * A second, independent factory with its own connection pool over the same (already migrated) database,
     * as another server would have. The caller closes it.
     */
    EntityManagerFactory anotherServer() {
        entityManagerFactory();
        return newFactory();
    }

    private EntityManagerFactory newFactory() {
        return Persistence.createEntityManagerFactory(
                "streamdingo-test",
                Map.of(
                        "jakarta.persistence.jdbc.url", url,
                        "jakarta.persistence.jdbc.user", user,
                        "jakarta.persistence.jdbc.password", password));
    }

    private static void dropStreamDingoTables(DataSource source) {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "DROP TABLE IF EXISTS sd_events, sd_streams, sd_global_position, sd_snapshots, sd_offsets, sd_processed_events, "
                            + SchemaMigrations.HISTORY_TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database: " + e.getMessage(), e);
        }
    }
}
