package io.streamdingo.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.serialization.JacksonEventSerializer;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.SchemaMigrations;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JPA store on PostgreSQL against raw JDBC doing the same work on the same database in the same process
 * (PF): batched appends of 1,000 streams x 100 events (100 per append and transaction), and one
 * 100,000-event stream read and deserialized. Prints events/s and the ratio for each round.
 *
 * <p>Run: {@code ./mvnw verify -pl benchmarks -am -Pbenchmark -DskipTests} with PostgreSQL on
 * 127.0.0.1:5432, database {@code test} (it replaces the StreamDingo tables there).
 */
public final class PostgresStoreBenchmark {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true";
    private static final String USER = "postgres";
    private static final int STREAMS = 1_000;
    private static final int EVENTS_PER_STREAM = 100;
    private static final int LONG_STREAM = 100_000;
    private static final int ROUNDS = 3;

    private static final String INSERT = "INSERT INTO sd_events (global_position, stream_category, stream_id, "
            + "stream_version, event_id, event_type, schema_version, recorded_at, correlation_id, causation_id, "
            + "user_id, tenant_id, partition_key, headers, payload, event_hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)";
    private static final String SELECT = "SELECT global_position, stream_category, stream_id, stream_version, "
            + "event_id, event_type, schema_version, recorded_at, correlation_id, causation_id, user_id, tenant_id, "
            + "partition_key, headers, payload FROM sd_events WHERE stream_category = ? AND stream_id = ? "
            + "ORDER BY stream_version";

    private final ObjectMapper json = JacksonEventSerializer.defaultMapper();

    public static void main(String[] args) throws Exception {
        new PostgresStoreBenchmark().run();
    }

    private void run() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(USER);
        try (Connection connection = dataSource.getConnection()) {
            dropTables(connection);
        }
        SchemaMigrations.migrate(dataSource);
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(
                "streamdingo-benchmark",
                Map.of("jakarta.persistence.jdbc.url", URL, "jakarta.persistence.jdbc.user", USER));
        try (Connection raw = DriverManager.getConnection(URL, USER, "")) {
            System.out.printf(
                    "PostgreSQL %s, synchronous_commit=%s, %d cores, JDK %s%n",
                    setting(raw, "server_version"),
                    setting(raw, "synchronous_commit"),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            warmUp(emf, raw);
            double[] appendRatios = new double[ROUNDS];
            double[] readRatios = new double[ROUNDS];
            for (int round = 1; round <= ROUNDS; round++) {
                reset(raw);
                double jdbcAppend = rawAppend(raw, STREAMS, "raw" + round);
                reset(raw);
                double storeAppend;
                try (EventStore store = store(emf)) {
                    storeAppend = storeAppend(store, STREAMS, "store" + round);
                }
                reset(raw);
                StreamId longStream = StreamId.of("bench", "long" + round);
                try (EventStore store = store(emf)) {
                    fill(store, longStream, LONG_STREAM);
                }
                vacuum(raw);
                double jdbcRead = rawRead(raw, longStream);
                double storeRead;
                try (EventStore store = store(emf)) {
                    storeRead = storeRead(store, longStream);
                }
                appendRatios[round - 1] = storeAppend / jdbcAppend;
                readRatios[round - 1] = storeRead / jdbcRead;
                System.out.printf(
                        "round %d  append: store %,9.0f ev/s  raw JDBC %,9.0f ev/s  ratio %.2f   "
                                + "read: store %,9.0f ev/s  raw JDBC %,9.0f ev/s  ratio %.2f%n",
                        round,
                        storeAppend,
                        jdbcAppend,
                        appendRatios[round - 1],
                        storeRead,
                        jdbcRead,
                        readRatios[round - 1]);
            }
            System.out.printf(
                    "median ratio  append %.2f  read %.2f  (goal: at least 0.80 each)%n",
                    median(appendRatios), median(readRatios));
            reset(raw);
        } finally {
            emf.close();
        }
    }

    private static EventStore store(EntityManagerFactory emf) {
        return EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(OrderLineAdded.class)
                .build();
    }

    /** A small run of every path, so the JIT has compiled them before anything is measured. */
    private void warmUp(EntityManagerFactory emf, Connection raw) throws Exception {
        reset(raw);
        rawAppend(raw, 100, "warm");
        reset(raw);
        try (EventStore store = store(emf)) {
            storeAppend(store, 100, "warm");
            StreamId stream = StreamId.of("bench", "warm-long");
            fill(store, stream, 10_000);
            for (int i = 0; i < 3; i++) {
                rawRead(raw, stream);
                storeRead(store, stream);
            }
        }
    }

    private double storeAppend(EventStore store, int streams, String prefix) {
        long start = System.nanoTime();
        for (int s = 0; s < streams; s++) {
            List<NewEvent> batch = new ArrayList<>(EVENTS_PER_STREAM);
            for (int i = 1; i <= EVENTS_PER_STREAM; i++) {
                batch.add(NewEvent.of(OrderLineAdded.sample(s, i)));
            }
            store.append(StreamId.of("bench", prefix + "-" + s), ExpectedVersion.noStream(), batch);
        }
        return perSecond((long) streams * EVENTS_PER_STREAM, start);
    }

    /**
     * The same rows with the same indexes, one transaction and one JDBC batch per 100 events. Each row also
     * gets a SHA-256 link over the previous link and the payload: the least a hand-written store would do for
     * the tamper evidence the store's hash chain gives (HS-4).
     */
    private double rawAppend(Connection connection, int streams, String prefix) throws Exception {
        connection.setAutoCommit(false);
        long position = 0;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        HexFormat hex = HexFormat.of();
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int s = 0; s < streams; s++) {
                byte[] previous = new byte[32];
                for (int i = 1; i <= EVENTS_PER_STREAM; i++) {
                    byte[] payload = json.writeValueAsBytes(OrderLineAdded.sample(s, i));
                    sha256.update(previous);
                    sha256.update(payload);
                    previous = sha256.digest();
                    String eventId = UUID.randomUUID().toString();
                    insert.setLong(1, ++position);
                    insert.setString(2, "bench");
                    insert.setString(3, prefix + "-" + s);
                    insert.setLong(4, i);
                    insert.setObject(5, UUID.fromString(eventId));
                    insert.setString(6, "bench.OrderLineAdded");
                    insert.setInt(7, 1);
                    insert.setObject(8, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.setString(9, eventId);
                    insert.setString(10, eventId);
                    insert.setString(11, null);
                    insert.setString(12, null);
                    insert.setString(13, null);
                    insert.setString(14, "{}");
                    insert.setString(15, new String(payload, StandardCharsets.UTF_8));
                    insert.setString(16, hex.formatHex(previous));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
        return perSecond((long) streams * EVENTS_PER_STREAM, start);
    }

    private void fill(EventStore store, StreamId stream, int events) {
        for (int from = 1; from <= events; from += 1_000) {
            List<NewEvent> batch = new ArrayList<>(1_000);
            for (int i = from; i < from + 1_000; i++) {
                batch.add(NewEvent.of(OrderLineAdded.sample(0, i)));
            }
            store.append(stream, ExpectedVersion.any(), batch);
        }
    }

    private static double storeRead(EventStore store, StreamId stream) {
        AtomicLong quantities = new AtomicLong();
        long start = System.nanoTime();
        long count;
        try (var events = store.read(stream)) {
            count = events.peek(e -> quantities.addAndGet(((OrderLineAdded) e.payload()).quantity()))
                    .count();
        }
        return perSecond(count, start);
    }

    /** One streaming query (autocommit off, fetch size set) and the same Jackson deserialization. */
    private double rawRead(Connection connection, StreamId stream) throws Exception {
        connection.setAutoCommit(false);
        long count = 0;
        long quantities = 0;
        long start = System.nanoTime();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setFetchSize(1_000);
            select.setString(1, stream.category());
            select.setString(2, stream.id());
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
        }
        connection.commit();
        connection.setAutoCommit(true);
        return perSecond(count, start);
    }

    private static void dropTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS sd_events, sd_streams, sd_global_position, sd_snapshots, "
                    + SchemaMigrations.HISTORY_TABLE);
        }
    }

    private static void reset(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE sd_events, sd_streams");
            statement.execute("UPDATE sd_global_position SET last_position = 0");
        }
        vacuum(connection);
    }

    private static void vacuum(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE sd_events");
            statement.execute("VACUUM ANALYZE sd_streams");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static double perSecond(long events, long startNanos) {
        return events / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
