package io.streamdingo.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.benchmarks.postgres.BenchmarkDatabase;
import io.streamdingo.engine.serialization.JacksonEventSerializer;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The end-to-end benchmark's hand-written baseline: what a team would build without an event store, on the
 * same PostgreSQL and broker. Events go into an outbox table (a sequence, one insert per event, a commit per
 * append); a relay thread reads new rows by id and sends them to a queue in one transacted JMS session per
 * batch; two consumers each take the messages already waiting (up to 50), write one ledger row and one
 * processed-events row per message in one database transaction, then commit the JMS session. No stream
 * versions, no hash chain, no lease, no gap safety, no positions kept across restarts, no dead letters: a
 * floor, not a design. The relay runs right after each append in this process and polls every second
 * otherwise, as StreamDingo's does in a server.
 */
final class MinimalPipeline {

    private static final int BATCH = 50;

    private final BenchmarkDatabase database;
    private final ConnectionFactory broker;
    private final ObjectMapper json = JacksonEventSerializer.defaultMapper();

    MinimalPipeline(BenchmarkDatabase database, ConnectionFactory broker) throws SQLException {
        this.database = database;
        this.broker = broker;
        database.execute(
                "CREATE TABLE IF NOT EXISTS minimal_outbox (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL,"
                        + " recorded_at TIMESTAMPTZ NOT NULL)",
                "CREATE TABLE IF NOT EXISTS minimal_ledger (event_id UUID NOT NULL, amount NUMERIC(12,2) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS minimal_processed (consumer TEXT NOT NULL, event_id UUID NOT NULL,"
                        + " PRIMARY KEY (consumer, event_id))");
    }

    /**
     * Delivers {@code total} events appended {@code perAppend} at a time, all at once or paced at
     * {@code perSecond}; returns events/s and the p50 and p99 latency from the append to the consumer's commit.
     */
    double[] run(int total, int perAppend, int perSecond) throws Exception {
        database.execute("TRUNCATE minimal_outbox, minimal_ledger, minimal_processed");
        long startId = 0;
        String queueName = "minimal-" + System.nanoTime();
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Semaphore wake = new Semaphore(0);
        List<Thread> threads = new ArrayList<>();
        threads.add(started("minimal-relay", () -> relay(queueName, startId, wake, running)));
        for (int c = 0; c < 2; c++) {
            threads.add(started("minimal-consumer-" + c, () -> consume(queueName, total, latencies, done, running)));
        }
        long start = System.nanoTime();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO minimal_outbox (payload, recorded_at) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < total; i += perAppend) {
                if (perSecond > 0) {
                    long due = start + i * 1_000_000_000L / perSecond;
                    for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                        LockSupport.parkNanos(due - now);
                    }
                }
                for (int j = i; j < i + perAppend && j < total; j++) {
                    insert.setString(
                            1,
                            json.writeValueAsString(new OrderLineAdded(
                                    "o" + j % 100,
                                    j,
                                    "SKU-" + j,
                                    "a benchmark order line",
                                    1,
                                    new BigDecimal("12.50"),
                                    "EUR",
                                    Instant.now())));
                    insert.setTimestamp(2, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                wake.release();
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (done.get() < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the minimal pipeline stopped after " + done.get() + " events");
            }
            Thread.sleep(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        wake.release();
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        Arrays.sort(latencies);
        return new double[] {total / seconds, latencies[total / 2] / 1_000.0, latencies[total * 99 / 100] / 1_000.0};
    }

    private void relay(String queueName, long startId, Semaphore wake, AtomicBoolean running) {
        long last = startId;
        try (JMSContext jms = broker.createContext(JMSContext.SESSION_TRANSACTED);
                Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, payload, recorded_at FROM minimal_outbox WHERE id > ? ORDER BY id LIMIT 500")) {
            Queue queue = jms.createQueue(queueName);
            JMSProducer producer = jms.createProducer();
            while (running.get()) {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                boolean more = true;
                while (more && running.get()) {
                    select.setLong(1, last);
                    int sent = 0;
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            BytesMessage message = jms.createBytesMessage();
                            message.writeBytes(rows.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            message.setLongProperty(
                                    "recordedAtMicros",
                                    micros(rows.getTimestamp(3).toInstant()));
                            message.setStringProperty(
                                    "eventId", UUID.randomUUID().toString());
                            producer.send(queue, message);
                            last = rows.getLong(1);
                            sent++;
                        }
                    }
                    jms.commit();
                    more = sent == 500;
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException("the minimal relay failed", e);
            }
        }
    }

    private void consume(String queueName, int total, long[] latencies, AtomicInteger done, AtomicBoolean running) {
        try (JMSContext jms = broker.createContext(JMSContext.SESSION_TRANSACTED);
                Connection connection = database.dataSource().getConnection();
                PreparedStatement ledger =
                        connection.prepareStatement("INSERT INTO minimal_ledger (event_id, amount) VALUES (?, ?)");
                PreparedStatement processed = connection.prepareStatement(
                        "INSERT INTO minimal_processed (consumer, event_id) VALUES ('ledger', ?) ON CONFLICT DO NOTHING")) {
            connection.setAutoCommit(false);
            JMSConsumer consumer = jms.createConsumer(jms.createQueue(queueName));
            while (running.get()) {
                Message first = consumer.receive(50);
                if (first == null) {
                    continue;
                }
                List<Message> batch = new ArrayList<>(List.of(first));
                for (Message more; batch.size() < BATCH && (more = consumer.receiveNoWait()) != null; ) {
                    batch.add(more);
                }
                for (Message message : batch) {
                    UUID id = UUID.fromString(message.getStringProperty("eventId"));
                    byte[] body = message.getBody(byte[].class);
                    BigDecimal amount =
                            json.readValue(body, OrderLineAdded.class).unitPrice();
                    processed.setObject(1, id);
                    processed.addBatch();
                    ledger.setObject(1, id);
                    ledger.setBigDecimal(2, amount);
                    ledger.addBatch();
                }
                processed.executeBatch();
                ledger.executeBatch();
                connection.commit();
                jms.commit();
                long now = micros(Instant.now());
                for (Message message : batch) {
                    int index = done.getAndIncrement();
                    if (index < total) {
                        latencies[index] = now - message.getLongProperty("recordedAtMicros");
                    }
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException("a minimal consumer failed", e);
            }
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static Thread started(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
