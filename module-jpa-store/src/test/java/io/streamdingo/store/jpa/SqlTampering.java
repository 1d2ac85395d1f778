package io.streamdingo.store.jpa;

import io.streamdingo.api.StreamId;
import io.streamdingo.tck.store.StoreTampering;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Tampers with {@code sd_events} by SQL, behind the store's back, for the integrity contract (HS-4). */
final class SqlTampering implements StoreTampering {

    private static final String STREAM = "stream_category = ? AND stream_id = ?";
    private static final long FAR = 1_000_000_000L;

    private final DataSource source;
    private final boolean uuidAsText;

    SqlTampering(DataSource source, boolean uuidAsText) {
        this.source = source;
        this.uuidAsText = uuidAsText;
    }

    @FunctionalInterface
    private interface Change {
        void run(Connection connection) throws SQLException;
    }

    @Override
    public void replacePayload(StreamId streamId, long version, String json) {
        run(c -> update(
                c,
                "UPDATE sd_events SET payload = ? WHERE " + STREAM + " AND stream_version = ?",
                json,
                streamId.category(),
                streamId.id(),
                version));
    }

    @Override
    public void deleteEvent(StreamId streamId, long version) {
        run(c -> update(
                c,
                "DELETE FROM sd_events WHERE " + STREAM + " AND stream_version = ?",
                streamId.category(),
                streamId.id(),
                version));
    }

    @Override
    public void swapPayloads(StreamId streamId, long first, long second) {
        run(c -> {
            String a = payload(c, streamId, first);
            String b = payload(c, streamId, second);
            String sql = "UPDATE sd_events SET payload = ? WHERE " + STREAM + " AND stream_version = ?";
            update(c, sql, b, streamId.category(), streamId.id(), first);
            update(c, sql, a, streamId.category(), streamId.id(), second);
        });
    }

    @Override
    public void insertCopy(StreamId streamId, long ofVersion, long atVersion) {
        run(c -> {
            // Two steps, so that no row ever takes a version another row still has.
            String shift = "UPDATE sd_events SET stream_version = stream_version + ? WHERE " + STREAM
                    + " AND stream_version >= ?";
            update(c, shift, FAR, streamId.category(), streamId.id(), atVersion);
            update(c, shift, 1 - FAR, streamId.category(), streamId.id(), FAR + atVersion);
            // The forged row takes a position from the store's own counter, so later appends do not collide.
            update(c, "UPDATE sd_global_position SET last_position = last_position + 1 WHERE id = 1");
            long position;
            try (PreparedStatement last = c.prepareStatement("SELECT last_position FROM sd_global_position");
                    ResultSet row = last.executeQuery()) {
                row.next();
                position = row.getLong(1);
            }
            String columns = "event_type, schema_version, recorded_at, correlation_id, causation_id, user_id,"
                    + " tenant_id, partition_key, headers, payload, event_hash";
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sd_events (global_position,"
                    + " stream_category, stream_id, stream_version, event_id, " + columns
                    + ") SELECT ?, stream_category,"
                    + " stream_id, ?, ?, " + columns + " FROM sd_events WHERE " + STREAM + " AND stream_version = ?")) {
                insert.setLong(1, position);
                insert.setLong(2, atVersion);
                UUID id = UUID.randomUUID();
                if (uuidAsText) {
                    insert.setString(3, id.toString());
                } else {
                    insert.setObject(3, id);
                }
                insert.setString(4, streamId.category());
                insert.setString(5, streamId.id());
                insert.setLong(6, ofVersion);
                insert.executeUpdate();
            }
            update(
                    c,
                    "UPDATE sd_streams SET current_version = current_version + 1 WHERE " + STREAM,
                    streamId.category(),
                    streamId.id());
        });
    }

    private static String payload(Connection c, StreamId streamId, long version) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT payload FROM sd_events WHERE " + STREAM + " AND stream_version = ?")) {
            select.setString(1, streamId.category());
            select.setString(2, streamId.id());
            select.setLong(3, version);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private void run(Change change) {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            change.run(connection);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("tampering failed: " + e.getMessage(), e);
        }
    }
}
