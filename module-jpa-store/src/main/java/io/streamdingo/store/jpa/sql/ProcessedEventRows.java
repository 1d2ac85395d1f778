package io.streamdingo.store.jpa.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Reads and writes {@code sd_processed_events} rows with plain JDBC on the unit's connection. */
public final class ProcessedEventRows {

    private final Dialect dialect;

    public ProcessedEventRows(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Records the pair unless it is recorded, waiting for a concurrent transaction recording the same pair.
     *
     * @return true if this transaction recorded it
     */
    public boolean record(Connection connection, String consumer, UUID eventId, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.insertProcessedIfAbsent())) {
            statement.setString(1, consumer);
            dialect.bindUuid(statement, 2, eventId);
            dialect.bindInstant(statement, 3, now);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2 && "23505".equals(e.getSQLState())) {
                return false; // H2's way of saying "already recorded"; the transaction goes on
            }
            throw e;
        }
    }

    public boolean exists(Connection connection, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT 1 FROM sd_processed_events WHERE consumer = ? AND event_id = ?")) {
            statement.setString(1, consumer);
            dialect.bindUuid(statement, 2, eventId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    public int deleteBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_processed_events WHERE processed_at < ?")) {
            dialect.bindInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        }
    }
}
