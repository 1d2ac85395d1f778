package io.streamdingo.store.jpa.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code sd_subject_keys} table through plain JDBC: one wrapped key per data subject. */
public final class SubjectKeyRows {

    /**
     * A row as stored.
     *
     * @param subject the data subject
     * @param keyId the key's id
     * @param masterKeyId the id of the master key that wrapped it
     * @param wrappedKey the wrapped key, base64
     */
    public record Row(String subject, String keyId, String masterKeyId, String wrappedKey) {}

    private final Dialect dialect;

    public SubjectKeyRows(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The subject's row, if it has a key. */
    public Optional<Row> find(Connection connection, String subject) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT subject, key_id, master_key_id, wrapped_key FROM sd_subject_keys WHERE subject = ?")) {
            statement.setString(1, subject);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts {@code row} unless the subject has one; H2 reports that case as a unique violation.
     *
     * @return whether it was inserted
     */
    public boolean insertIfAbsent(Connection connection, Row row, Instant now) throws SQLException {
        String insert = dialect.insertIfAbsent(
                "INSERT INTO sd_subject_keys (subject, key_id, master_key_id, wrapped_key, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                "subject");
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, row.subject());
            statement.setString(2, row.keyId());
            statement.setString(3, row.masterKeyId());
            statement.setString(4, row.wrappedKey());
            dialect.bindInstant(statement, 5, now);
            return statement.executeUpdate() == 1;
        }
    }

    /** Deletes the subject's row; returns whether there was one. */
    public boolean delete(Connection connection, String subject) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_subject_keys WHERE subject = ?")) {
            statement.setString(1, subject);
            return statement.executeUpdate() > 0;
        }
    }

    /** The ids of the master keys that wrapped the stored keys. */
    public List<String> masterKeyIds(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT DISTINCT master_key_id FROM sd_subject_keys");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                ids.add(row.getString(1));
            }
        }
        return ids;
    }

    /** Up to {@code limit} rows wrapped by master key {@code masterKeyId}, by subject. */
    public List<Row> wrappedBy(Connection connection, String masterKeyId, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT subject, key_id, master_key_id,"
                + " wrapped_key FROM sd_subject_keys WHERE master_key_id = ? ORDER BY subject LIMIT ?")) {
            statement.setString(1, masterKeyId);
            statement.setInt(2, limit);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(read(row));
                }
            }
        }
        return rows;
    }

    /** Replaces the wrapping of {@code before}'s key, if the row is still as read; returns whether it was. */
    public boolean rewrap(Connection connection, Row before, String masterKeyId, String wrappedKey)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE sd_subject_keys SET master_key_id = ?,"
                + " wrapped_key = ? WHERE subject = ? AND key_id = ? AND master_key_id = ?")) {
            statement.setString(1, masterKeyId);
            statement.setString(2, wrappedKey);
            statement.setString(3, before.subject());
            statement.setString(4, before.keyId());
            statement.setString(5, before.masterKeyId());
            return statement.executeUpdate() == 1;
        }
    }

    private static Row read(ResultSet row) throws SQLException {
        return new Row(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
    }
}
