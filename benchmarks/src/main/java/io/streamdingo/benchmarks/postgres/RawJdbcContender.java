package io.streamdingo.benchmarks.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.benchmarks.OrderLineAdded;
import io.streamdingo.engine.serialization.JacksonEventSerializer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The floor: hand-written JDBC into StreamDingo's own {@code sd_events} table (same columns, same indexes),
 * positions from a sequence, the same Jackson work, a SHA-256 link per event as the least a hand-written store
 * would do for tamper evidence, and none of the store's checks (no stream head, no expected version).
 */
public final class RawJdbcContender implements Contender {

    private static final String INSERT = "INSERT INTO sd_events (global_position, stream_category, stream_id, "
            + "stream_version, event_id, event_type, schema_version, recorded_at, correlation_id, causation_id, "
            + "user_id, tenant_id, partition_key, headers, payload, event_hash) VALUES (nextval('bench_raw_position'),"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)";
    private static final String SELECT = "SELECT global_position, stream_category, stream_id, stream_version, "
            + "event_id, event_type, schema_version, recorded_at, correlation_id, causation_id, user_id, tenant_id, "
            + "partition_key, headers, payload FROM sd_events WHERE stream_category = ? AND stream_id = ? "
            + "ORDER BY stream_version";

    private final BenchmarkDatabase database;
    private final ObjectMapper json = JacksonEventSerializer.defaultMapper();
    private final HexFormat hex = HexFormat.of();

    public RawJdbcContender(BenchmarkDatabase database) throws Exception {
        this.database = database;
        database.execute("CREATE SEQUENCE IF NOT EXISTS bench_raw_position");
    }

    @Override
    public String name() {
        return "raw JDBC";
    }

    @Override
    public void reset() throws Exception {
        database.execute("TRUNCATE sd_events, sd_streams", "VACUUM ANALYZE sd_events");
    }

    @Override
    public void appendBatches(String streamId, int events, int perTransaction) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] previous = new byte[32];
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 1; i <= events; i++) {
                    previous = bind(insert, streamId, i, sha256, previous);
                    insert.addBatch();
                    if (i % perTransaction == 0 || i == events) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public long read(String streamId) throws Exception {
        long count = 0;
        long quantities = 0;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setFetchSize(1_000);
                select.setString(1, "bench");
                select.setString(2, streamId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        row.getLong(1);
                        row.getLong(4);
                        row.getObject(5, UUID.class);
                        row.getObject(8, OffsetDateTime.class);
                        json.readValue(row.getString(14), Map.class);
                        quantities += json.readValue(row.getString(15), OrderLineAdded.class)
                                .quantity();
                        count++;
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return quantities >= 0 ? count : -1;
    }

    @Override
    public void appendOne(String streamId, long version) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, streamId, (int) version, MessageDigest.getInstance("SHA-256"), new byte[32]);
            insert.executeUpdate();
        }
    }

    private byte[] bind(PreparedStatement insert, String streamId, int version, MessageDigest sha256, byte[] previous)
            throws Exception {
        byte[] payload = json.writeValueAsBytes(OrderLineAdded.sample(streamId.hashCode(), version));
        sha256.update(previous);
        sha256.update(payload);
        byte[] link = sha256.digest();
        String eventId = UUID.randomUUID().toString();
        insert.setString(1, "bench");
        insert.setString(2, streamId);
        insert.setLong(3, version);
        insert.setObject(4, UUID.fromString(eventId));
        insert.setString(5, "bench.OrderLineAdded");
        insert.setInt(6, 1);
        insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
        insert.setString(8, eventId);
        insert.setString(9, eventId);
        insert.setString(10, null);
        insert.setString(11, null);
        insert.setString(12, null);
        insert.setString(13, "{}");
        insert.setString(14, new String(payload, StandardCharsets.UTF_8));
        insert.setString(15, hex.formatHex(link));
        return link;
    }
}
