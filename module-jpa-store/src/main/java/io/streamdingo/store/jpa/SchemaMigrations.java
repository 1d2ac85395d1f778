package io.streamdingo.store.jpa;

import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.GlobalOrder;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and upgrades the StreamDingo tables with Flyway, from the versioned scripts for the database
 * behind the data source (never {@code hbm2ddl}). Safe to call on every start: applied scripts are skipped.
 * The history is kept in {@code sd_schema_history}, apart from the application's own Flyway history.
 *
 * <p>Each script folder holds an empty {@code flyway.location} file: without it Flyway cannot list a
 * classpath folder under Open Liberty's (WebSphere's) class loader and silently finds no scripts. So does
 * {@code db/callback}, which Flyway scans in any case and would otherwise report as an error at every start.
 */
public final class SchemaMigrations {

    /** The table that records which StreamDingo scripts ran. */
    public static final String HISTORY_TABLE = "sd_schema_history";

    private SchemaMigrations() {}

    /**
     * Brings the schema of the database at the JDBC {@code url} to the current version.
     *
     * @return the number of scripts applied now
     * @throws StoreUnavailableException if the database cannot be reached or a script fails
     */
    public static int migrate(String url, String user, String password) {
        return migrate(Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(url, user, password)
                .getDataSource());
    }

    /**
     * Brings the schema behind {@code dataSource} to the current version.
     *
     * @return the number of scripts applied now
     * @throws StoreUnavailableException if the database cannot be reached or a script fails
     */
    public static int migrate(DataSource dataSource) {
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    "cannot reach the event store database to migrate its schema; check the data source", e);
        }
        int applied;
        try {
            applied = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreUnavailableException(
                    "migrating the StreamDingo schema failed: " + e.getMessage()
                            + "; see the cause, fix the database and start again",
                    e);
        }
        if (dialect == Dialect.POSTGRESQL) {
            try (Connection connection = dataSource.getConnection()) {
                GlobalOrder.raiseOffsetIfBehind(connection);
            } catch (SQLException e) {
                throw new StoreUnavailableException(
                        "cannot check the global order's offset against the database's transaction ids", e);
            }
        }
        return applied;
    }
}
