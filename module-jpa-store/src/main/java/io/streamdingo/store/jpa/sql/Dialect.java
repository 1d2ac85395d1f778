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
    /** PostgreSQL: {@code uuid} and {@code timestamptz} columns, snapshot states in {@code jsonb}. */
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

    /**
     * {@code insert} (one row) turned into an insert that does nothing when a row with the same unique key
     * exists, failing on every other error: PostgreSQL {@code ON CONFLICT DO NOTHING}, MariaDB a no-op
     * {@code ON DUPLICATE KEY UPDATE} of {@code anyColumn} ({@code INSERT IGNORE} would also turn NOT NULL and
     * truncation errors into warnings). H2 keeps the plain insert and reports the duplicate as a unique violation.
     */
    String insertIfAbsent(String insert, String anyColumn) {
        return switch (this) {
            case POSTGRESQL -> insert + " ON CONFLICT DO NOTHING";
            case MARIADB -> insert + " ON DUPLICATE KEY UPDATE " + anyColumn + " = " + anyColumn;
            case H2 -> insert;
        };
    }

    /**
     * Inserts a stream's head unless it exists, without an error if it does: parameters are category, id,
     * current version, last hash; the update count says whether this transaction created (and so holds) the row.
     */
    String insertHeadIfAbsent() {
        String insert = "INSERT INTO sd_streams (stream_category, stream_id, current_version, first_visible_version,"
                + " last_hash) ";
        return switch (this) {
            case POSTGRESQL -> insert + "VALUES (?, ?, ?, 1, ?) ON CONFLICT DO NOTHING";
            case MARIADB -> insert.replace("INSERT", "INSERT IGNORE") + "VALUES (?, ?, ?, 1, ?)";
            case H2 ->
                insert + "SELECT ?1, ?2, ?3, 1, ?4 FROM sd_global_position WHERE id = 1 AND NOT EXISTS "
                        + "(SELECT 1 FROM sd_streams WHERE stream_category = ?1 AND stream_id = ?2)";
        };
    }

    /**
     * Records that a consumer processed an event unless it is recorded: consumer, event id, processed-at. An
     * update count of 0 means it was; H2 has no insert-if-absent and fails with a unique violation instead.
     * A concurrent transaction inserting the same pair makes this wait for its outcome on every database.
     */
    String insertProcessedIfAbsent() {
        String insert = "INSERT INTO sd_processed_events (consumer, event_id, processed_at) VALUES (?, ?, ?)";
        return switch (this) {
            case POSTGRESQL -> insert + " ON CONFLICT DO NOTHING";
            case MARIADB -> insert.replace("INSERT", "INSERT IGNORE");
            case H2 -> insert;
        };
    }

    /** Inserts or replaces a consumer's position: subscription, consumer key, position, updated-at. */
    String upsertOffset() {
        return switch (this) {
            case POSTGRESQL ->
                "INSERT INTO sd_offsets (subscription, consumer_key, position, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (subscription, consumer_key) DO UPDATE SET position = EXCLUDED.position,"
                        + " updated_at = EXCLUDED.updated_at";
            case MARIADB ->
                "INSERT INTO sd_offsets (subscription, consumer_key, position, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE position = VALUES(position), updated_at = VALUES(updated_at)";
            case H2 ->
                "MERGE INTO sd_offsets (subscription, consumer_key, position, updated_at) KEY (subscription,"
                        + " consumer_key) VALUES (?, ?, ?, ?)";
        };
    }

    /** Inserts or replaces a schema: type, version, Java type, JSON Schema, fingerprint, upcast path, registered-at. */
    String upsertSchema() {
        String columns = "event_type, schema_version, java_type, json_schema, fingerprint, upcast_path, registered_at";
        String values = " VALUES (?, ?, ?, ?, ?, ?, ?)";
        return switch (this) {
            case POSTGRESQL ->
                "INSERT INTO sd_event_schemas (" + columns + ")" + values
                        + " ON CONFLICT (event_type, schema_version) DO UPDATE SET java_type = EXCLUDED.java_type,"
                        + " json_schema = EXCLUDED.json_schema, fingerprint = EXCLUDED.fingerprint,"
                        + " upcast_path = EXCLUDED.upcast_path, registered_at = EXCLUDED.registered_at";
            case MARIADB ->
                "INSERT INTO sd_event_schemas (" + columns + ")" + values
                        + " ON DUPLICATE KEY UPDATE java_type = VALUES(java_type), json_schema = VALUES(json_schema),"
                        + " fingerprint = VALUES(fingerprint), upcast_path = VALUES(upcast_path),"
                        + " registered_at = VALUES(registered_at)";
            case H2 -> "MERGE INTO sd_event_schemas (" + columns + ") KEY (event_type, schema_version)" + values;
        };
    }

    /**
     * Takes global positions for an append of the parameter's count of events and returns the last one taken.
     *
     * <p>H2 and MariaDB advance a counter row that stays locked until commit, so positions become visible in
     * commit order (one writer at a time). PostgreSQL derives positions from the transaction's id instead and
     * no writer waits for another: see {@link GlobalOrder}. {@link #needsPositionSelect()} says when a
     * follow-up select reads the value.
     */
    String takePositions() {
        String update = "UPDATE sd_global_position SET last_position = last_position + ? WHERE id = 1";
        return switch (this) {
            case POSTGRESQL -> GlobalOrder.TAKE_POSITIONS;
            case H2 -> "SELECT last_position FROM FINAL TABLE (" + update + ")";
            case MARIADB -> update;
        };
    }

    /** Whether {@link #takePositions()} needs a follow-up select of the new value. */
    boolean needsPositionSelect() {
        return this == MARIADB;
    }

    /**
     * A condition on {@code global_position} that a read in the global order adds, so that it never returns
     * an event while an event below it may still commit: on PostgreSQL the bound of {@link GlobalOrder}; on
     * the others, whose positions become visible in commit order, nothing.
     */
    String settledOnly() {
        return this == POSTGRESQL ? " AND global_position < " + GlobalOrder.SETTLED_BOUND : "";
    }

    /** The newest position a reader of the global order can see (0 for an empty store). */
    String headPosition() {
        return this == POSTGRESQL
                ? GlobalOrder.HEAD_POSITION
                : "SELECT last_position FROM sd_global_position WHERE id = 1";
    }

    /** The SQL placeholder for a snapshot's JSON state bound as text. */
    String jsonParameter() {
        return jsonParameter;
    }

    public void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (this == MARIADB) {
            statement.setString(index, value.toString());
        } else {
            statement.setObject(index, value);
        }
    }

    public UUID readUuid(ResultSet row, int index) throws SQLException {
        return this == MARIADB ? UUID.fromString(row.getString(index)) : row.getObject(index, UUID.class);
    }

    public void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (this == MARIADB) {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    /**
     * The UTF-8 bytes of a text column. PostgreSQL's driver hands them over as they came from the server
     * (its connections are always UTF-8), sparing a decode into a {@code String} and an encode back per event.
     */
    public byte[] readUtf8(ResultSet row, int index) throws SQLException {
        return this == POSTGRESQL
                ? row.getBytes(index)
                : row.getString(index).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Instant readInstant(ResultSet row, int index) throws SQLException {
        return this == MARIADB
                ? row.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                : row.getObject(index, OffsetDateTime.class).toInstant();
    }
}
