package io.streamdingo.store.jpa.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredSnapshot;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes {@code sd_snapshots} rows with plain JDBC on the unit's connection. */
public final class SnapshotRows {

    private static final TypeReference<Map<String, String>> CONTRIBUTORS = new TypeReference<>() {};
    private static final String KEY = "stream_category = ? AND stream_id = ? AND state_type = ?";

    private final Dialect dialect;
    private final ObjectMapper json = new ObjectMapper();
    private final String insert;

    public SnapshotRows(Dialect dialect) {
        this.dialect = dialect;
        String parameter = dialect.jsonParameter();
        this.insert = dialect.insertIfAbsent(
                "INSERT INTO sd_snapshots (stream_category, stream_id, state_type, stream_version, state,"
                        + " state_hash, handler_fingerprints, created_at) VALUES (?, ?, ?, ?, " + parameter + ", ?, "
                        + parameter + ", ?)",
                "stream_version");
    }

    /**
     * Replaces the snapshot of the same stream, state type and version, if any, with {@code snapshot}. When a
     * concurrent transaction stores the same key meanwhile, the first to commit wins and the other's insert does
     * nothing (on H2, which has no insert-if-absent, it fails with a unique violation).
     */
    public void replace(Connection connection, StoredSnapshot snapshot) throws SQLException {
        delete(connection, snapshot.streamId(), snapshot.stateType(), snapshot.version());
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            bindKey(statement, snapshot.streamId(), snapshot.stateType());
            statement.setLong(4, snapshot.version());
            statement.setString(5, new String(snapshot.state(), StandardCharsets.UTF_8));
            statement.setString(6, snapshot.stateHash());
            statement.setString(7, contributorsJson(snapshot.contributors()));
            dialect.bindInstant(statement, 8, snapshot.createdAt());
            statement.executeUpdate();
        }
    }

    /** The snapshots of a stream and state type, newest first. */
    public List<StoredSnapshot> list(Connection connection, StreamId streamId, String stateType) throws SQLException {
        String sql = "SELECT stream_version, state, state_hash, handler_fingerprints, created_at FROM sd_snapshots"
                + " WHERE " + KEY + " ORDER BY stream_version DESC";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindKey(statement, streamId, stateType);
            List<StoredSnapshot> snapshots = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    snapshots.add(new StoredSnapshot(
                            streamId,
                            stateType,
                            row.getLong(1),
                            row.getString(2).getBytes(StandardCharsets.UTF_8),
                            row.getString(3),
                            contributors(row.getString(4)),
                            dialect.readInstant(row, 5)));
                }
            }
            return snapshots;
        }
    }

    /** Deletes one snapshot; returns how many rows went (0 or 1). */
    public int delete(Connection connection, StreamId streamId, String stateType, long version) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_snapshots WHERE " + KEY + " AND stream_version = ?")) {
            bindKey(statement, streamId, stateType);
            statement.setLong(4, version);
            return statement.executeUpdate();
        }
    }

    /** Deletes the snapshots of a stream and state type below {@code version}. */
    public int deleteBelow(Connection connection, StreamId streamId, String stateType, long version)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_snapshots WHERE " + KEY + " AND stream_version < ?")) {
            bindKey(statement, streamId, stateType);
            statement.setLong(4, version);
            return statement.executeUpdate();
        }
    }

    /** The versions of a stream's snapshots of one state type, newest first. */
    public List<Long> versions(Connection connection, StreamId streamId, String stateType) throws SQLException {
        String sql = "SELECT stream_version FROM sd_snapshots WHERE " + KEY + " ORDER BY stream_version DESC";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindKey(statement, streamId, stateType);
            List<Long> versions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    versions.add(row.getLong(1));
                }
            }
            return versions;
        }
    }

    /** Deletes every snapshot of a stream. */
    public int deleteAll(Connection connection, StreamId streamId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_snapshots WHERE stream_category = ? AND stream_id = ?")) {
            statement.setString(1, streamId.category());
            statement.setString(2, streamId.id());
            return statement.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement statement, StreamId streamId, String stateType) throws SQLException {
        statement.setString(1, streamId.category());
        statement.setString(2, streamId.id());
        statement.setString(3, stateType);
    }

    private String contributorsJson(Map<String, String> contributors) {
        try {
            return json.writeValueAsString(new TreeMap<>(contributors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot contributors cannot be written as JSON", e);
        }
    }

    private Map<String, String> contributors(String text) throws SQLException {
        try {
            return json.readValue(text, CONTRIBUTORS);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored snapshot contributors are not a JSON object of strings", e);
        }
    }
}
