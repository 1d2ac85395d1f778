package io.streamdingo.store.jpa.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Reads and writes {@code sd_offsets} rows with plain JDBC on the unit's connection. */
public final class OffsetRows {

    private final Dialect dialect;

    public OffsetRows(Dialect dialect) {
        this.dialect = dialect;
    }

    public OptionalLong load(Connection connection, String subscription, String consumerKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position FROM sd_offsets WHERE subscription = ? AND consumer_key = ?")) {
            statement.setString(1, subscription);
            statement.setString(2, consumerKey);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    public void save(Connection connection, String subscription, String consumerKey, long position, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.upsertOffset())) {
            statement.setString(1, subscription);
            statement.setString(2, consumerKey);
            statement.setLong(3, position);
            dialect.bindInstant(statement, 4, now);
            statement.executeUpdate();
        }
    }

    public Map<String, Long> all(Connection connection, String subscription) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT consumer_key, position FROM sd_offsets WHERE subscription = ? ORDER BY consumer_key")) {
            statement.setString(1, subscription);
            Map<String, Long> positions = new LinkedHashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    positions.put(row.getString(1), row.getLong(2));
                }
            }
            return positions;
        }
    }

    /** Deletes a consumer's position row; whether there was one. */
    public boolean delete(Connection connection, String subscription, String consumerKey) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_offsets WHERE subscription = ? AND consumer_key = ?")) {
            statement.setString(1, subscription);
            statement.setString(2, consumerKey);
            return statement.executeUpdate() > 0;
        }
    }
}
