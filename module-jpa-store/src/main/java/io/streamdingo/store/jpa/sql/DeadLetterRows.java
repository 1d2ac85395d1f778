package io.streamdingo.store.jpa.sql;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredDeadLetter;
import io.streamdingo.api.spi.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of the dead-letter table {@code sd_dead_letters}. */
public final class DeadLetterRows {

    private static final String COLUMNS = "id, subscription, consumer_key, event_id, stream_category, stream_id,"
            + " stream_version, global_position, event_type, schema_version, recorded_at, correlation_id,"
            + " causation_id, user_id, tenant_id, partition_key, headers, payload, event_hash, attempts, reason,"
            + " dead_lettered_at";

    private final Dialect dialect;
    private final String insert;

    public DeadLetterRows(Dialect dialect) {
        this.dialect = dialect;
        this.insert = dialect.insertIfAbsent(
                "INSERT INTO sd_dead_letters (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)",
                "attempts");
    }

    /**
     * Inserts {@code letter} unless its id is there.
     *
     * @throws SQLException on H2, a unique violation when its id is there (the caller treats it as done)
     */
    public void insert(Connection connection, StoredDeadLetter letter) throws SQLException {
        StoredEvent event = letter.event();
        EventMetadata metadata = event.metadata();
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            dialect.bindUuid(statement, 1, letter.id());
            statement.setString(2, letter.subscription());
            statement.setString(3, letter.consumerKey());
            dialect.bindUuid(statement, 4, event.eventId());
            statement.setString(5, event.streamId().category());
            statement.setString(6, event.streamId().id());
            statement.setLong(7, event.streamVersion());
            statement.setLong(8, event.globalPosition());
            statement.setString(9, event.eventType());
            statement.setInt(10, event.schemaVersion());
            dialect.bindInstant(statement, 11, event.recordedAt());
            statement.setString(12, metadata.correlationId());
            statement.setString(13, metadata.causationId());
            statement.setString(14, metadata.userId());
            statement.setString(15, metadata.tenantId());
            statement.setString(16, metadata.partitionKey());
            statement.setString(17, HeadersJson.write(metadata.headers()));
            statement.setBytes(18, event.payload());
            statement.setString(19, event.hash());
            statement.setInt(20, letter.attempts());
            statement.setString(21, letter.reason());
            dialect.bindInstant(statement, 22, letter.deadLetteredAt());
            statement.executeUpdate();
        }
    }

    /** Up to {@code limit} letters of {@code subscription}, oldest first. */
    public List<StoredDeadLetter> list(Connection connection, String subscription, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM sd_dead_letters WHERE subscription = ? ORDER BY dead_lettered_at, id LIMIT ?")) {
            statement.setString(1, subscription);
            statement.setInt(2, limit);
            List<StoredDeadLetter> letters = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    letters.add(toLetter(row));
                }
            }
            return letters;
        }
    }

    public boolean delete(Connection connection, String subscription, UUID id) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_dead_letters WHERE subscription = ? AND id = ?")) {
            statement.setString(1, subscription);
            dialect.bindUuid(statement, 2, id);
            return statement.executeUpdate() > 0;
        }
    }

    public int deleteBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM sd_dead_letters WHERE dead_lettered_at < ?")) {
            dialect.bindInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        }
    }

    private StoredDeadLetter toLetter(ResultSet row) throws SQLException {
        EventMetadata metadata = new EventMetadata(
                row.getString(12),
                row.getString(13),
                row.getString(14),
                row.getString(15),
                row.getString(16),
                HeadersJson.read(row.getString(17)));
        StoredEvent event = new StoredEvent(
                dialect.readUuid(row, 4),
                StreamId.of(row.getString(5), row.getString(6)),
                row.getLong(7),
                row.getLong(8),
                row.getString(9),
                row.getInt(10),
                dialect.readInstant(row, 11),
                metadata,
                row.getBytes(18),
                row.getString(19));
        return new StoredDeadLetter(
                dialect.readUuid(row, 1),
                row.getString(2),
                row.getString(3),
                event,
                row.getInt(20),
                row.getString(21),
                dialect.readInstant(row, 22));
    }
}
