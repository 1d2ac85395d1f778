package io.streamdingo.store.jpa.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * What differs between the supported databases: how JSON, UUIDs and instants are bound and read, and
 * where each one's migrations live. Everything else is standard SQL.
 */
public enum Dialect {
    /** PostgreSQL: {@code jsonb}, {@code uuid} and {@code timestamptz} columns. */
    POSTGRESQL("postgresql", "CAST(? AS jsonb)"),
    /** H2 2.x, the zero-setup embedded default. */
    H2("h2", "?"),
    /** MariaDB with InnoDB: UUIDs as text, UTC {@code DATETIME(6)}. */
    MARIADB("mariadb", "?");

    private final String migrationFolder;
    private final String jsonParameter;

    Dialect(String migrationFolder, String jsonParameter) {
        this.migrationFolder = migrationFolder;
        this.jsonParameter = jsonParameter;
    }

    /**
     * The dialect of the database behind {@code connection}.
     *
     * @throws IllegalStateException naming the product if it is not supported
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalStateException("the StreamDingo JPA store supports PostgreSQL, H2 and MariaDB, not "
                + connection.getMetaData().getDatabaseProductName());
    }

    /** The classpath folder of this database's Flyway migrations. */
    public String migrationLocation() {
        return "classpath:META-INF/streamdingo/migrations/" + migrationFolder;
    }

    /** The SQL placeholder for a JSON value bound as text. */
    String jsonParameter() {
        return jsonParameter;
    }

    void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (this == MARIADB) {
            statement.setString(index, value.toString());
        } else {
            statement.setObject(index, value);
        }
    }

    UUID readUuid(ResultSet row, int index) throws SQLException {
        return this == MARIADB ? UUID.fromString(row.getString(index)) : row.getObject(index, UUID.class);
    }

    void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (this == MARIADB) {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    Instant readInstant(ResultSet row, int index) throws SQLException {
        return this == MARIADB
                ? row.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                : row.getObject(index, OffsetDateTime.class).toInstant();
    }
}
