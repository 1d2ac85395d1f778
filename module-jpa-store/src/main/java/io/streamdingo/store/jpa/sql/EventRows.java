package io.streamdingo.store.jpa.sql;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.store.jpa.operator.EventScan;
import io.streamdingo.store.jpa.operator.StreamHead;
import io.streamdingo.store.jpa.operator.StreamSelection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sd_events} table through plain JDBC on the persistence unit's connection: batched inserts and
 * keyset-paged selects. The hot paths bypass entity management on purpose: an entity per event would cost
 * a persistence-context entry and a dirty check each, for rows that are never updated.
 */
public final class EventRows {

    private static final String COLUMNS = "global_position, stream_category, stream_id, stream_version, event_id, "
            + "event_type, schema_version, recorded_at, correlation_id, causation_id, user_id, tenant_id, "
            + "partition_key, headers, payload, event_hash";

    private final Dialect dialect;
    private final String insert;

    public EventRows(Dialect dialect) {
        this.dialect = dialect;
        this.insert = "INSERT INTO sd_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * The payload as the text this store keeps (a text column on every database). Bytes
     * that are not UTF-8 text, as a binary serializer writes, are refused rather than stored mangled.
     */
    static String payloadText(EventToStore event) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(event.payload()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "the payload of event " + event.eventId() + " (" + event.eventType() + ") is not UTF-8 text: the"
                            + " JPA store keeps payloads as JSON text; use a JSON serializer (the default) or"
                            + " another backend for a binary format",
                    e);
        }
    }

    /** Inserts {@code events} with their chain links as one JDBC batch at the given first version and position. */
    public void insert(
            Connection connection,
            StreamId streamId,
            long firstVersion,
            long firstPosition,
            List<EventToStore> events,
            String[] hashes)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            long version = firstVersion;
            long position = firstPosition;
            for (int i = 0; i < hashes.length; i++) {
                EventToStore event = events.get(i);
                EventMetadata metadata = event.metadata();
                statement.setLong(1, position++);
                statement.setString(2, streamId.category());
                statement.setString(3, streamId.id());
                statement.setLong(4, version++);
                dialect.bindUuid(statement, 5, event.eventId());
                statement.setString(6, event.eventType());
                statement.setInt(7, event.schemaVersion());
                dialect.bindInstant(statement, 8, event.recordedAt());
                statement.setString(9, metadata.correlationId());
                statement.setString(10, metadata.causationId());
                statement.setString(11, metadata.userId());
                statement.setString(12, metadata.tenantId());
                statement.setString(13, metadata.partitionKey());
                statement.setString(14, HeadersJson.write(metadata.headers()));
                statement.setString(15, payloadText(event));
                statement.setString(16, hashes[i]);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Creates the head of a new stream already at {@code version}, unless the stream exists.
     *
     * @return whether it was created (and so is locked by this transaction)
     */
    public boolean createHead(Connection connection, StreamId streamId, long version, String lastHash)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.insertHeadIfAbsent())) {
            statement.setString(1, streamId.category());
            statement.setString(2, streamId.id());
            statement.setLong(3, version);
            statement.setString(4, lastHash);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Moves an existing stream's head from {@code version} and {@code lastHash} on by {@code count} events, if it
     * still stands there and no live session lease holds it at {@code now}.
     *
     * @return whether it did (and so holds the row locked until this transaction ends)
     */
    public boolean advanceHeadIf(
            Connection connection,
            StreamId streamId,
            long version,
            String lastHash,
            int count,
            String newLastHash,
            Instant now)
            throws SQLException {
        String sql = "UPDATE sd_streams SET current_version = ?, last_hash = ? WHERE stream_category = ?"
                + " AND stream_id = ? AND current_version = ? AND last_hash = ?"
                + " AND (lease_session IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, version + count);
            statement.setString(2, newLastHash);
            statement.setString(3, streamId.category());
            statement.setString(4, streamId.id());
            statement.setLong(5, version);
            statement.setString(6, lastHash);
            dialect.bindInstant(statement, 7, now);
            return statement.executeUpdate() == 1;
        }
    }

    private static long firstOf(long last, long base, int count) {
        if (last >= base + GlobalOrder.EVENTS_PER_TRANSACTION) {
            throw new IllegalArgumentException("one transaction can append at most "
                    + (GlobalOrder.EVENTS_PER_TRANSACTION - 1) + " events on PostgreSQL; split the"
                    + " import into several transactions");
        }
        return last - count + 1;
    }

    /**
     * Takes {@code count} global positions for this transaction (see {@link Dialect#takePositions()}).
     *
     * @return the first position taken
     * @throws IllegalArgumentException if one PostgreSQL transaction would append more events than
     *     {@link GlobalOrder#EVENTS_PER_TRANSACTION}
     */
    public long takePositions(Connection connection, int count) throws SQLException {
        long last;
        try (PreparedStatement statement = connection.prepareStatement(dialect.takePositions())) {
            statement.setInt(1, count);
            if (dialect == Dialect.POSTGRESQL) {
                statement.setInt(2, count);
            }
            if (dialect.needsPositionSelect()) {
                statement.executeUpdate();
                last = headPosition(connection);
            } else {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    last = row.getLong(1);
                    if (dialect == Dialect.POSTGRESQL) {
                        return firstOf(last, row.getLong(2), count);
                    }
                }
            }
        }
        return last - count + 1;
    }

    /** The global position of {@code streamId}'s event at {@code version}; 0 if it is not stored (truncated). */
    public long positionOf(Connection connection, StreamId streamId, long version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT global_position FROM sd_events"
                + " WHERE stream_category = ? AND stream_id = ? AND stream_version = ?")) {
            statement.setString(1, streamId.category());
            statement.setString(2, streamId.id());
            statement.setLong(3, version);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /**
     * On PostgreSQL, waits until no other transaction appends to {@code streamId} and keeps others waiting until
     * this one ends; to be called before the append writes anything (see {@code GlobalOrder.LOCK_STREAM}).
     * Nothing on H2 and MariaDB, whose counter row orders appends.
     */
    public void lockStreamForAppend(Connection connection, StreamId streamId) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(GlobalOrder.LOCK_STREAM)) {
            statement.setInt(1, lockKey(streamId));
            statement.execute();
        }
    }

    private static int lockKey(StreamId streamId) {
        return (streamId.category() + '\u0000' + streamId.id()).hashCode();
    }

    /** The hash of the newest event of {@code streamId} below {@code beforeVersion}, if there is one. */
    public Optional<String> lastHashBefore(Connection connection, StreamId streamId, long beforeVersion)
            throws SQLException {
        String sql = "SELECT event_hash FROM sd_events WHERE stream_category = ? AND stream_id = ?"
                + " AND stream_version < ? ORDER BY stream_version DESC LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, streamId.category());
            statement.setString(2, streamId.id());
            statement.setLong(3, beforeVersion);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The newest position a reader of the global order can see now (or, on H2 and MariaDB, this transaction). */
    public long headPosition(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.headPosition());
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Up to {@code limit} events of one stream within {@code [from, to]}, in {@code direction}. */
    public List<StoredEvent> readStream(
            Connection connection, StreamId streamId, long from, long to, ReadDirection direction, int limit)
            throws SQLException {
        String order = direction == ReadDirection.FORWARDS ? "ASC" : "DESC";
        String sql = "SELECT " + COLUMNS + " FROM sd_events WHERE stream_category = ? AND stream_id = ? "
                + "AND stream_version BETWEEN ? AND ? ORDER BY stream_version " + order + " LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, streamId.category());
            statement.setString(2, streamId.id());
            statement.setLong(3, from);
            statement.setLong(4, to);
            statement.setInt(5, limit);
            return read(statement, limit, streamId);
        }
    }

    /** Up to {@code limit} events after {@code afterPosition}, in position order. */
    public List<StoredEvent> readAll(Connection connection, long afterPosition, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM sd_events WHERE global_position > ?" + dialect.settledOnly()
                + " ORDER BY global_position LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, afterPosition);
            statement.setInt(2, limit);
            return read(statement, limit, null);
        }
    }

    /** Up to {@code limit} events of {@code category} after {@code afterPosition}, in position order. */
    public List<StoredEvent> readCategory(Connection connection, String category, long afterPosition, int limit)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM sd_events WHERE stream_category = ? AND global_position > ?"
                + dialect.settledOnly() + " ORDER BY global_position LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, category);
            statement.setLong(2, afterPosition);
            statement.setInt(3, limit);
            return read(statement, limit, null);
        }
    }

    /** How many events of {@code category} lie in {@code (afterPosition, upToPosition]}, by its index. */
    public long countCategory(Connection connection, String category, long afterPosition, long upToPosition)
            throws SQLException {
        String sql = "SELECT COUNT(*) FROM sd_events WHERE stream_category = ? AND global_position > ?"
                + " AND global_position <= ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, category);
            statement.setLong(2, afterPosition);
            statement.setLong(3, upToPosition);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Deletes the stream's events below {@code beforeVersion}; returns how many. */
    public long deleteBefore(Connection connection, StreamId streamId, long beforeVersion) throws SQLException {
        String sql = "DELETE FROM sd_events WHERE stream_category = ? AND stream_id = ? AND stream_version < ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, streamId.category());
            statement.setString(2, streamId.id());
            statement.setLong(3, beforeVersion);
            return statement.executeUpdate();
        }
    }

    /** Which of {@code ids} are already stored. */
    public List<UUID> existingIds(Connection connection, List<UUID> ids) throws SQLException {
        List<UUID> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM sd_events WHERE event_id = ?")) {
            for (UUID id : ids) {
                dialect.bindUuid(statement, 1, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        found.add(id);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every event of {@code selection} in stream and version order with its stream's head row, streamed
     * {@code fetchSize} rows per round trip so that memory stays bounded whatever the store holds. On PostgreSQL
     * the connection must not be in auto-commit mode (its driver streams only inside a transaction).
     */
    public void scanByStream(Connection connection, StreamSelection selection, int fetchSize, EventScan scan)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String column : COLUMNS.split(", ")) {
            sql.append("e.").append(column).append(", ");
        }
        sql.append("h.current_version, h.first_visible_version, h.last_hash, h.truncation_anchor, h.stream_id")
                .append(" FROM sd_events e LEFT JOIN sd_streams h ON h.stream_category = e.stream_category")
                .append(" AND h.stream_id = e.stream_id")
                .append(selection.category() == null ? "" : " WHERE e.stream_category = ?")
                .append(selection.streamId() == null ? "" : " AND e.stream_id = ?")
                .append(" ORDER BY e.stream_category, e.stream_id, e.stream_version");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bindSelection(statement, selection);
            statement.setFetchSize(fetchSize);
            StreamId stream = null;
            StreamHead head = null;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    StreamId current = streamOf(row, stream);
                    if (current != stream) {
                        stream = current;
                        head = row.getString(21) == null
                                ? null
                                : new StreamHead(
                                        current,
                                        row.getLong(17),
                                        row.getLong(18),
                                        row.getString(19),
                                        row.getString(20));
                    }
                    scan.event(toEvent(row, current), head);
                }
            }
        }
    }

    /** Binds the category and stream id of {@code selection}, as far as it names them, from parameter 1 on. */
    public static int bindSelection(PreparedStatement statement, StreamSelection selection) throws SQLException {
        int index = 0;
        if (selection.category() != null) {
            statement.setString(++index, selection.category());
        }
        if (selection.streamId() != null) {
            statement.setString(++index, selection.streamId());
        }
        return index;
    }

    /** Reads rows; {@code knownStream} saves re-validating the stream id of every row of a stream read. */
    private List<StoredEvent> read(PreparedStatement statement, int limit, @Nullable StreamId knownStream)
            throws SQLException {
        statement.setFetchSize(Math.min(limit, 1_000));
        List<StoredEvent> page = new ArrayList<>(Math.min(limit, 1_000));
        StreamId last = knownStream;
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                last = streamOf(row, last);
                page.add(toEvent(row, last));
            }
        }
        return page;
    }

    private static StreamId streamOf(ResultSet row, @Nullable StreamId last) throws SQLException {
        String category = row.getString(2);
        String id = row.getString(3);
        return last != null && last.category().equals(category) && last.id().equals(id)
                ? last
                : StreamId.of(category, id);
    }

    private StoredEvent toEvent(ResultSet row, StreamId streamId) throws SQLException {
        EventMetadata metadata = new EventMetadata(
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getString(12),
                row.getString(13),
                HeadersJson.read(row.getString(14)));
        return new StoredEvent(
                dialect.readUuid(row, 5),
                streamId,
                row.getLong(4),
                row.getLong(1),
                row.getString(6),
                row.getInt(7),
                dialect.readInstant(row, 8),
                metadata,
                dialect.readUtf8(row, 15),
                // events written before hashing existed have no link: verification reports them
                Objects.requireNonNullElse(row.getString(16), ""));
    }
}
