package io.streamdingo.store.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the JPA store is tested on, and how each gives a test class a schema of its own: a
 * PostgreSQL schema in database {@code test}, a MariaDB database beside {@code test}, a private H2 in-memory
 * database. {@link TestSchema} creates and drops them; nothing a test writes is seen by another test class,
 * an earlier run or the demo.
 */
enum TestDatabase {
    H2 {
        @Override
        String url(String schema) {
            return "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        DataSource dataSource(String schema) {
            JdbcDataSource source = new JdbcDataSource();
            source.setURL(url(schema));
            source.setUser(user());
            return source;
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        void create(String schema) {
            // created by the first connection to its URL
        }

        @Override
        void drop(String schema) throws SQLException {
            try (Connection connection = dataSource(schema).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }

        @Override
        List<String> existing() {
            return List.of();
        }
    },
    POSTGRESQL {
        @Override
        String url(String schema) {
            return "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true"
                    + (schema.isEmpty() ? "" : "&currentSchema=" + schema);
        }

        @Override
        DataSource dataSource(String schema) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(url(schema));
            source.setUser(user());
            return source;
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        void create(String schema) throws SQLException {
            admin("CREATE SCHEMA " + schema);
        }

        @Override
        void drop(String schema) throws SQLException {
            admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }

        @Override
        List<String> existing() throws SQLException {
            return names("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'sdt\\_%'");
        }
    },
    MARIADB {
        @Override
        String url(String schema) {
            return "jdbc:mariadb://127.0.0.1:3306/" + (schema.isEmpty() ? "test" : schema);
        }

        @Override
        DataSource dataSource(String schema) {
            try {
                MariaDbDataSource source = new MariaDbDataSource(url(schema));
                source.setUser(user());
                source.setPassword("");
                return source;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        String user() {
            return "root";
        }

        @Override
        void create(String schema) throws SQLException {
            admin("CREATE DATABASE " + schema);
        }

        @Override
        void drop(String schema) throws SQLException {
            admin("DROP DATABASE IF EXISTS " + schema);
        }

        @Override
        List<String> existing() throws SQLException {
            return names("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'sdt\\_%'");
        }
    };

    /** The JDBC URL of {@code schema}; the empty name means the database's shared default. */
    abstract String url(String schema);

    abstract DataSource dataSource(String schema);

    abstract String user();

    /** Creates an empty schema (or database) called {@code schema}. */
    abstract void create(String schema) throws SQLException;

    /** Drops {@code schema} with everything in it. */
    abstract void drop(String schema) throws SQLException;

    /**
     * A query counting the sessions of this database server that wait for a lock another transaction holds, or
     * empty where waiting happens in this JVM (H2).
     */
    String lockWaitQuery() {
        return switch (this) {
            case H2 -> "";
            case POSTGRESQL ->
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()";
            // InnoDB's lock waits, or an insert that has been running for 50 ms (on a local server it can only be
            // waiting: for a row lock, or for a metadata lock, which INNODB_TRX does not show)
            case MARIADB ->
                "SELECT (SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT')"
                        + " + (SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE command = 'Query'"
                        + " AND info LIKE 'INSERT%' AND time_ms > 50)";
        };
    }

    /** The test schemas that exist now, including those a killed run left behind. */
    abstract List<String> existing() throws SQLException;

    String password() {
        return "";
    }

    void admin(String sql) throws SQLException {
        try (Connection connection = dataSource("").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    List<String> names(String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource("").getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
