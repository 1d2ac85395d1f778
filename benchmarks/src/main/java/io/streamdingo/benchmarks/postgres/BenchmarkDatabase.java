package io.streamdingo.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmarks' own PostgreSQL database, {@code streamdingo_bench} on 127.0.0.1:5432 (user {@code postgres}),
 * created when absent and emptied at every start, so that a run never meets tables that tests, the demo or an
 * older schema left behind. One connection pool serves every contender, as a server's data source would.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    /** The database the benchmarks own. */
    public static final String NAME = "streamdingo_bench";

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final HikariDataSource pool;

    private BenchmarkDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Creates the database if needed, drops everything in it, and opens a pool of {@code connections}. */
    public static BenchmarkDatabase fresh(int connections) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "test", USER, "");
                Statement statement = admin.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + NAME);
                }
            }
        }
        try (Connection own = DriverManager.getConnection(url(), USER, "");
                Statement statement = own.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(USER);
        config.setPassword("");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setPoolName("benchmark");
        return new BenchmarkDatabase(new HikariDataSource(config));
    }

    /** The JDBC URL, with batched inserts rewritten into multi-row statements as every contender may use. */
    public static String url() {
        return SERVER + NAME + "?reWriteBatchedInserts=true";
    }

    /** The pool. */
    public HikariDataSource dataSource() {
        return pool;
    }

    /** Runs {@code sql} statements on a pooled connection in autocommit. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** One line naming the server, its durability setting, the cores and the JDK. */
    public String describe() throws SQLException {
        return "PostgreSQL " + setting("server_version") + ", synchronous_commit=" + setting("synchronous_commit")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + System.getProperty("java.version");
    }

    private String setting(String name) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
