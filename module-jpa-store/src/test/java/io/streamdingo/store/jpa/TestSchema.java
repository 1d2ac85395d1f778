package io.streamdingo.store.jpa;

import io.streamdingo.tck.store.StoreTampering;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of one test class's own on one {@link TestDatabase}: created and migrated before the class's first
 * test, dropped after its last, so that no test depends on what earlier runs, other test classes or the demo
 * left in the shared database. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);
 * }</pre>
 *
 * <p>Schemas a killed run left behind are dropped by the next run once they are older than {@link #ABANDONED}.
 */
final class TestSchema implements BeforeAllCallback, AfterAllCallback {

    /** No test run lasts this long: a test schema this old belongs to a run that died. */
    static final Duration ABANDONED = Duration.ofHours(3);

    private static final String PREFIX = "sdt_";

    private final TestDatabase database;
    private final List<EntityManagerFactory> factories = new ArrayList<>();
    private String name = "";
    private EntityManagerFactory factory;

    TestSchema(TestDatabase database) {
        this.database = database;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        dropAbandoned();
        name = PREFIX + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + UUID.randomUUID().toString().substring(0, 6) + "_"
                + abbreviate(context.getRequiredTestClass().getSimpleName());
        database.create(name);
        SchemaMigrations.migrate(dataSource());
        factory = open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        factories.stream().filter(EntityManagerFactory::isOpen).forEach(EntityManagerFactory::close);
        factories.clear();
        database.drop(name);
    }

    TestDatabase database() {
        return database;
    }

    /** This schema's name (a PostgreSQL schema, a MariaDB database, an H2 database). */
    String name() {
        return name;
    }

    String url() {
        return database.url(name);
    }

    /** Plain JDBC connections into this schema. */
    DataSource dataSource() {
        return database.dataSource(name);
    }

    /** The class's shared factory over this (migrated) schema. */
    EntityManagerFactory entityManagerFactory() {
        if (factory == null) {
            throw new IllegalStateException("register the TestSchema as a static @RegisterExtension field");
        }
        return factory;
    }

    /**
     * A second, independent factory with its own connection pool over the same schema, as another server would
     * have. Closed with the schema.
     */
    EntityManagerFactory anotherServer() {
        return open();
    }

    /**
     * A {@code JTA} unit over this schema whose transactions {@code platform} manages, as in an application
     * server (but with plain JDBC connections, which no transaction manager enlists). Closed with the schema.
     */
    EntityManagerFactory jtaUnit(JtaPlatform platform) {
        EntityManagerFactory opened = Persistence.createEntityManagerFactory(
                "streamdingo-test",
                Map.of(
                        "jakarta.persistence.jdbc.url", url(),
                        "jakarta.persistence.jdbc.user", database.user(),
                        "jakarta.persistence.jdbc.password", database.password(),
                        "jakarta.persistence.transactionType", "JTA",
                        "hibernate.transaction.jta.platform", platform));
        factories.add(opened);
        return opened;
    }

    /** Changes this schema's event tables directly, as somebody with write access could. */
    StoreTampering tampering() {
        return new SqlTampering(dataSource(), database == TestDatabase.MARIADB);
    }

    /**
     * Returns once {@code waiter} waits for a lock another transaction holds: on a database server, once some
     * session of it waits for a lock (the thread only reads its socket meanwhile); on H2, once the thread is in
     * H2's lock wait, which for a unique key spins on the uncommitted row instead of parking.
     *
     * @throws AssertionError if nobody waits within 10 seconds
     */
    void awaitLockWait(Thread waiter) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String query = database.lockWaitQuery();
        if (query.isEmpty()) {
            while (System.nanoTime() < deadline) {
                if (Arrays.stream(waiter.getStackTrace()).anyMatch(TestSchema::isH2LockWait)) {
                    return;
                }
                Thread.sleep(5);
            }
        } else {
            try (Connection connection = dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                while (System.nanoTime() < deadline) {
                    try (ResultSet count = statement.executeQuery(query)) {
                        if (count.next() && count.getLong(1) > 0) {
                            return;
                        }
                    }
                    Thread.sleep(5);
                }
            }
        }
        AssertionError notWaiting = new AssertionError("nobody waited for a lock on " + database
                + " within 10 s; the waiter is " + waiter.getState() + "; sessions: " + sessions());
        notWaiting.setStackTrace(waiter.getStackTrace());
        throw notWaiting;
    }

    /** What the database's sessions do now, for a failure message. */
    private String sessions() {
        String query =
                switch (database) {
                    case H2 -> "";
                    case POSTGRESQL ->
                        "SELECT state || ' ' || COALESCE(wait_event_type, '-') || ' ' || LEFT(query, 80)"
                                + " FROM pg_stat_activity WHERE datname = current_database()";
                    case MARIADB ->
                        "SELECT CONCAT(COALESCE(state, '-'), ' ', COALESCE(LEFT(info, 80), '-'))"
                                + " FROM information_schema.PROCESSLIST WHERE command <> 'Sleep'";
                };
        if (query.isEmpty()) {
            return "(in this JVM)";
        }
        try {
            return String.join("; ", database.names(query));
        } catch (SQLException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    private static boolean isH2LockWait(StackTraceElement frame) {
        return frame.getClassName().equals("org.h2.mvstore.db.MVSecondaryIndex")
                        && frame.getMethodName().equals("checkUnique")
                || frame.getClassName().equals("org.h2.mvstore.tx.Transaction")
                        && frame.getMethodName().startsWith("waitFor");
    }

    private EntityManagerFactory open() {
        EntityManagerFactory opened = Persistence.createEntityManagerFactory(
                "streamdingo-test",
                Map.of(
                        "jakarta.persistence.jdbc.url", url(),
                        "jakarta.persistence.jdbc.user", database.user(),
                        "jakarta.persistence.jdbc.password", database.password()));
        factories.add(opened);
        return opened;
    }

    private void dropAbandoned() throws SQLException {
        long before = Instant.now().minus(ABANDONED).getEpochSecond();
        for (String existing : database.existing()) {
            String[] parts = existing.split("_");
            if (parts.length > 2 && createdAt(parts[1]) < before) {
                database.drop(existing);
            }
        }
    }

    private static long createdAt(String base36) {
        try {
            return Long.parseLong(base36, 36);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not one of ours: leave it
        }
    }

    private static String abbreviate(String className) {
        String lower = className.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return lower.length() > 40 ? lower.substring(0, 40) : lower;
    }
}
