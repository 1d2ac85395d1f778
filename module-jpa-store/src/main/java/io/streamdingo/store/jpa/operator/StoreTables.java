package io.streamdingo.store.jpa.operator;

import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.EventRows;
import io.streamdingo.store.jpa.sql.SubjectKeyRows;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One JDBC connection to a StreamDingo JPA store's tables, for operator tools: scans in stream order with
 * bounded memory, the figures of what the store holds, and the removal of snapshots.
 *
 * <p>Not thread-safe: one scan at a time per instance; open several to read in parallel. A read-only instance
 * refuses {@link #deleteSnapshots}. Failures of the database come as {@link SQLException}s, which name the
 * statement's problem; opening fails with a message naming what to do.
 */
public final class StoreTables implements AutoCloseable {

    /** The tables an operator tool reads; a store without them was never migrated. */
    static final List<String> TABLES =
            List.of("sd_events", "sd_streams", "sd_snapshots", "sd_offsets", "sd_dead_letters");

    private final Connection connection;
    private final Dialect dialect;
    private final EventRows events;

    private StoreTables(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        this.events = new EventRows(dialect);
    }

    /**
     * Connects to the store at the JDBC {@code url} and checks that its tables are there.
     *
     * @param readOnly whether the connection may change nothing (the database enforces it where it can)
     * @throws StoreUnavailableException naming the URL if the database cannot be reached, the product is not
     *     supported, or the StreamDingo tables are missing (then: run the migrations)
     */
    public static StoreTables open(String url, String user, String password, boolean readOnly) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot connect to " + url + ": " + firstLine(e), e);
        }
        try {
            Dialect dialect = Dialect.of(connection);
            connection.setReadOnly(readOnly);
            // PostgreSQL streams a result only inside a transaction; every statement here only reads or is
            // committed at once by deleteSnapshots
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            StoreTables tables = new StoreTables(connection, dialect);
            tables.requireTables(url);
            return tables;
        } catch (SQLException | IllegalStateException | StoreUnavailableException e) {
            closeQuietly(connection);
            if (e instanceof StoreUnavailableException unavailable) {
                throw unavailable;
            }
            throw new StoreUnavailableException("cannot use the database at " + url + ": " + firstLine(e), e);
        }
    }

    private void requireTables(String url) throws SQLException {
        for (String table : TABLES) {
            try (Statement statement = connection.createStatement()) {
                statement
                        .executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0")
                        .close();
            } catch (SQLException e) {
                connection.rollback();
                throw new StoreUnavailableException(
                        "table " + table + " is missing at " + url
                                + ": this is not a StreamDingo store, or its schema was never created; run the migrations"
                                + " (start the application once against it, or import into it)",
                        e);
            }
        }
        connection.rollback();
    }

    /** The database product and version, for reports. */
    public String database() throws SQLException {
        return connection.getMetaData().getDatabaseProductName() + " "
                + connection.getMetaData().getDatabaseProductVersion();
    }

    /** How many events {@code selection} covers. */
    public long countEvents(StreamSelection selection) throws SQLException {
        return single("SELECT COUNT(*) FROM sd_events" + where(selection, ""), selection);
    }

    /** How many snapshots {@code selection} covers. */
    public long countSnapshots(StreamSelection selection) throws SQLException {
        return single("SELECT COUNT(*) FROM sd_snapshots" + where(selection, ""), selection);
    }

    /**
     * Hands every event of {@code selection} to {@code scan} in stream and version order, reading
     * {@code fetchSize} rows per round trip.
     */
    public void scanEvents(StreamSelection selection, int fetchSize, EventScan scan) throws SQLException {
        try {
            events.scanByStream(connection, selection, fetchSize, scan);
        } finally {
            connection.rollback();
        }
    }

    /** Hands every head row of {@code selection} whose stream has no event row to {@code heads}. */
    public void scanHeadsWithoutEvents(StreamSelection selection, Consumer<StreamHead> heads) throws SQLException {
        String sql = "SELECT h.stream_category, h.stream_id, h.current_version, h.first_visible_version, h.last_hash,"
                + " h.truncation_anchor FROM sd_streams h" + where(selection, "h.")
                + (selection.category() == null ? " WHERE" : " AND")
                + " NOT EXISTS (SELECT 1 FROM sd_events e WHERE e.stream_category = h.stream_category"
                + " AND e.stream_id = h.stream_id) ORDER BY h.stream_category, h.stream_id";
        query(
                sql,
                selection,
                row -> heads.accept(new StreamHead(
                        StreamId.of(row.getString(1), row.getString(2)),
                        row.getLong(3),
                        row.getLong(4),
                        row.getString(5),
                        row.getString(6))));
    }

    /** Hands every snapshot of {@code selection} to {@code snapshots}, with its stream's current version. */
    public void scanSnapshots(StreamSelection selection, int fetchSize, Consumer<StoredSnapshotRow> snapshots)
            throws SQLException {
        String sql = "SELECT s.stream_category, s.stream_id, s.state_type, s.stream_version, s.state, s.state_hash,"
                + " h.current_version, h.stream_id FROM sd_snapshots s LEFT JOIN sd_streams h"
                + " ON h.stream_category = s.stream_category AND h.stream_id = s.stream_id" + where(selection, "s.")
                + " ORDER BY s.stream_category, s.stream_id, s.state_type, s.stream_version";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            EventRows.bindSelection(statement, selection);
            statement.setFetchSize(fetchSize);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    snapshots.accept(new StoredSnapshotRow(
                            StreamId.of(row.getString(1), row.getString(2)),
                            row.getString(3),
                            row.getLong(4),
                            row.getString(5).getBytes(StandardCharsets.UTF_8),
                            row.getString(6),
                            row.getString(8) == null ? null : row.getLong(7)));
                }
            }
        } finally {
            connection.rollback();
        }
    }

    /** Up to {@code limit} global positions that more than one event row holds. */
    public List<Long> duplicatePositions(int limit) throws SQLException {
        List<Long> positions = new ArrayList<>();
        query(
                "SELECT global_position FROM sd_events GROUP BY global_position HAVING COUNT(*) > 1"
                        + " ORDER BY global_position LIMIT " + limit,
                StreamSelection.all(),
                row -> positions.add(row.getLong(1)));
        return positions;
    }

    /** Up to {@code limit} event ids that more than one event row holds. */
    public List<UUID> duplicateEventIds(int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        query(
                "SELECT event_id FROM sd_events GROUP BY event_id HAVING COUNT(*) > 1 LIMIT " + limit,
                StreamSelection.all(),
                row -> ids.add(dialect.readUuid(row, 1)));
        return ids;
    }

    /** The categories of {@code selection} with their stream and event counts and size, by name. */
    public List<CategoryFigures> categories(StreamSelection selection) throws SQLException {
        List<CategoryFigures> figures = new ArrayList<>();
        query(
                "SELECT stream_category, COUNT(DISTINCT stream_id), COUNT(*),"
                        + " COALESCE(SUM(OCTET_LENGTH(payload) + OCTET_LENGTH(headers)), 0) FROM sd_events"
                        + where(selection, "") + " GROUP BY stream_category ORDER BY stream_category",
                selection,
                row -> figures.add(
                        new CategoryFigures(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4))));
        return figures;
    }

    /** The snapshots of {@code selection} per state type, by name. */
    public List<SnapshotFigures> snapshotTypes(StreamSelection selection) throws SQLException {
        List<SnapshotFigures> figures = new ArrayList<>();
        query(
                "SELECT state_type, COUNT(DISTINCT " + streamKey() + "), COUNT(*),"
                        + " COALESCE(SUM(OCTET_LENGTH(" + stateText() + ")), 0) FROM sd_snapshots"
                        + where(selection, "") + " GROUP BY state_type ORDER BY state_type",
                selection,
                row -> figures.add(
                        new SnapshotFigures(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4))));
        return figures;
    }

    /** Every saved consumer position, by subscription and consumer. */
    public List<ConsumerPosition> positions() throws SQLException {
        List<ConsumerPosition> positions = new ArrayList<>();
        query(
                "SELECT subscription, consumer_key, position, updated_at FROM sd_offsets"
                        + " ORDER BY subscription, consumer_key",
                StreamSelection.all(),
                row -> positions.add(new ConsumerPosition(
                        row.getString(1), row.getString(2), row.getLong(3), dialect.readInstant(row, 4))));
        return positions;
    }

    /** The dead letters per subscription, by name. */
    public List<DeadLetterFigures> deadLetters() throws SQLException {
        List<DeadLetterFigures> figures = new ArrayList<>();
        query(
                "SELECT subscription, COUNT(*), MIN(dead_lettered_at) FROM sd_dead_letters GROUP BY subscription"
                        + " ORDER BY subscription",
                StreamSelection.all(),
                row -> figures.add(
                        new DeadLetterFigures(row.getString(1), row.getLong(2), dialect.readInstant(row, 3))));
        return figures;
    }

    /** The category of the event at {@code position}, if one is stored there. */
    public Optional<String> categoryAt(long position) throws SQLException {
        List<String> found = new ArrayList<>(1);
        query(
                "SELECT stream_category FROM sd_events WHERE global_position = ?",
                statement -> statement.setLong(1, position),
                row -> found.add(row.getString(1)));
        return found.stream().findFirst();
    }

    /** How many events of {@code category} lie after {@code position}: a consumer's lag. */
    public long countAfter(String category, long position) throws SQLException {
        long[] count = new long[1];
        query(
                "SELECT COUNT(*) FROM sd_events WHERE stream_category = ? AND global_position > ?",
                statement -> {
                    statement.setString(1, category);
                    statement.setLong(2, position);
                },
                row -> count[0] = row.getLong(1));
        return count[0];
    }

    /**
     * Forgets a data subject (crypto-shredding): deletes its key from {@code sd_subject_keys}, committed at once,
     * so that its personal data reads as redacted in every application over this database. Needs no master key.
     *
     * @return whether the subject had a key
     * @throws IllegalArgumentException if {@code subject} breaks the rules of a subject id
     * @throws SQLException if the connection is read-only or the delete fails; then nothing was deleted
     */
    public boolean forgetSubject(String subject) throws SQLException {
        SubjectKeyStore.requireValidSubject(subject);
        try {
            boolean had = new SubjectKeyRows(dialect).delete(connection, subject);
            connection.commit();
            return had;
        } finally {
            connection.rollback();
        }
    }

    /**
     * Deletes the snapshots of {@code stateType} (all types when null) within {@code selection}, in one
     * transaction, or only counts them.
     *
     * @param dryRun count, delete nothing
     * @return how many snapshots of each state type went (or would go), by type
     * @throws SQLException if the connection is read-only or the delete fails; then nothing was deleted
     */
    public Map<String, Long> deleteSnapshots(StreamSelection selection, @Nullable String stateType, boolean dryRun)
            throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        String typeCondition =
                stateType == null ? "" : (selection.category() == null ? " WHERE" : " AND") + " state_type = ?";
        String condition = where(selection, "") + typeCondition;
        try {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT state_type, COUNT(*) FROM sd_snapshots" + condition + " GROUP BY state_type")) {
                bindWithType(statement, selection, stateType);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        counts.put(row.getString(1), row.getLong(2));
                    }
                }
            }
            if (!dryRun && !counts.isEmpty()) {
                try (PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM sd_snapshots" + condition)) {
                    bindWithType(statement, selection, stateType);
                    statement.executeUpdate();
                }
                connection.commit();
            }
        } finally {
            connection.rollback();
        }
        return counts;
    }

    private void bindWithType(PreparedStatement statement, StreamSelection selection, @Nullable String stateType)
            throws SQLException {
        int index = EventRows.bindSelection(statement, selection);
        if (stateType != null) {
            statement.setString(index + 1, stateType);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    /** What identifies a stream in one SQL expression, for counting distinct streams on every database. */
    private String streamKey() {
        return dialect == Dialect.MARIADB ? "stream_category, stream_id" : "stream_category || '/' || stream_id";
    }

    /** The snapshot state as text (a jsonb column on PostgreSQL). */
    private String stateText() {
        return dialect == Dialect.POSTGRESQL ? "state::text" : "state";
    }

    private static String where(StreamSelection selection, String alias) {
        if (selection.category() == null) {
            return "";
        }
        return " WHERE " + alias + "stream_category = ?"
                + (selection.streamId() == null ? "" : " AND " + alias + "stream_id = ?");
    }

    private long single(String sql, StreamSelection selection) throws SQLException {
        long[] value = new long[1];
        query(sql, selection, row -> value[0] = row.getLong(1));
        return value[0];
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void query(String sql, StreamSelection selection, RowReader reader) throws SQLException {
        query(sql, statement -> EventRows.bindSelection(statement, selection), reader);
    }

    private void query(String sql, Parameters parameters, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } finally {
            connection.rollback();
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to release
        }
    }
}
