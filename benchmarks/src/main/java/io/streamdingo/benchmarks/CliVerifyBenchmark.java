package io.streamdingo.benchmarks;

import io.streamdingo.benchmarks.postgres.BenchmarkDatabase;
import io.streamdingo.benchmarks.postgres.StreamDingoContender;
import io.streamdingo.benchmarks.results.ResultsFile;
import io.streamdingo.cli.StreamDingoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code streamdingo verify} on a PostgreSQL store of 1,000,000 events (10,000 streams of 100, appended through
 * the engine), beside the raw {@code SELECT} of the same rows in the same run: the speed of reading them and
 * nothing more, which verifying cannot beat. The goal is at least half of it.
 *
 * <p>Rounds alternate the two so that drift in the machine touches both. The raw read fetches every column of
 * every event in stream and version order with the same fetch size, and touches each value as a verifier must.
 * The verify figure is the whole command as an operator runs it (count, scan with hash chains on the other core,
 * snapshot and uniqueness checks), with its peak heap.
 *
 * <p>Run: {@code ./mvnw verify -pl benchmarks -am -Pbenchmark -DskipTests
 * -Dbenchmark.main=io.streamdingo.benchmarks.CliVerifyBenchmark} (PostgreSQL on 127.0.0.1:5432).
 * {@code -Dbenchmark.events=} changes the store's size.
 */
public final class CliVerifyBenchmark {

    private static final int STREAM_LENGTH = 100;
    private static final int ROUNDS = 3;

    private CliVerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("benchmark.events", 1_000_000);
        int streams = events / STREAM_LENGTH;
        ResultsFile results = new ResultsFile();
        try (BenchmarkDatabase database = BenchmarkDatabase.fresh(4)) {
            System.out.println("CLI verify benchmark: " + database.describe());
            fill(database, streams);
            database.execute("VACUUM ANALYZE sd_events", "VACUUM ANALYZE sd_streams");
            double[] raw = new double[ROUNDS];
            double[] verify = new double[ROUNDS];
            double[] ratio = new double[ROUNDS];
            double[] heap = new double[ROUNDS];
            rawSelect(); // warm-up of both, untimed
            verifyCommand();
            for (int round = 0; round < ROUNDS; round++) {
                raw[round] = events / rawSelect();
                resetPeaks();
                verify[round] = events / verifyCommand();
                heap[round] = peakHeapMiB();
                ratio[round] = verify[round] / raw[round];
                System.out.printf(
                        Locale.ROOT,
                        "round %d: raw SELECT %,.0f events/s, streamdingo verify %,.0f events/s (%.2fx), peak heap"
                                + " %.0f MiB%n",
                        round + 1,
                        raw[round],
                        verify[round],
                        ratio[round],
                        heap[round]);
            }
            results.throughput("cli.verify.rawSelect", "events/s", raw);
            results.throughput("cli.verify.command", "events/s", verify);
            results.throughput("cli.verify.ratioToRawSelect", "x", ratio);
            results.cost("cli.verify.peakHeap", "MiB", heap);
            System.out.printf(
                    Locale.ROOT,
                    "median: raw SELECT %,.0f events/s, verify %,.0f events/s, ratio %.2f (goal >= 0.50: %s),"
                            + " peak heap %.0f MiB%n",
                    ResultsFile.median(raw),
                    ResultsFile.median(verify),
                    ResultsFile.median(ratio),
                    ResultsFile.median(ratio) >= 0.5 ? "met" : "NOT met",
                    ResultsFile.median(heap));
            System.out.println("results: " + results.write("cli-verify.json"));
        }
    }

    /** {@code streams} streams of 100 events, appended through the engine in batches of 100 by two threads. */
    private static void fill(BenchmarkDatabase database, int streams) throws Exception {
        long started = System.nanoTime();
        StreamDingoContender store = new StreamDingoContender(database);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?>[] halves = new Future<?>[2];
            for (int half = 0; half < 2; half++) {
                int first = half;
                halves[half] = writers.submit(() -> {
                    for (int s = first; s < streams; s += 2) {
                        store.appendBatches("order-" + s, STREAM_LENGTH, STREAM_LENGTH);
                    }
                });
            }
            for (Future<?> half : halves) {
                half.get();
            }
        } finally {
            writers.shutdown();
            store.close();
        }
        System.out.printf(
                Locale.ROOT,
                "filled %,d events in %,d streams in %.0f s%n",
                (long) streams * STREAM_LENGTH,
                streams,
                (System.nanoTime() - started) / 1e9);
    }

    /** Seconds to read every event row in stream and version order, touching each column. */
    private static double rawSelect() throws SQLException {
        long started = System.nanoTime();
        long checksum = 0;
        try (Connection connection = DriverManager.getConnection(BenchmarkDatabase.url(), "postgres", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT global_position, stream_category,"
                    + " stream_id, stream_version, event_id, event_type, schema_version, recorded_at, correlation_id,"
                    + " causation_id, user_id, tenant_id, partition_key, headers, payload, event_hash FROM sd_events"
                    + " ORDER BY stream_category, stream_id, stream_version")) {
                statement.setFetchSize(1_000);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        checksum += row.getLong(1) + row.getLong(4) + row.getInt(7);
                        checksum += row.getString(2).length() + row.getString(3).length();
                        checksum += row.getObject(5, java.util.UUID.class).getLeastSignificantBits();
                        checksum += row.getString(6).length();
                        checksum += row.getObject(8, OffsetDateTime.class).getNano();
                        for (int column = 9; column <= 13; column++) {
                            String value = row.getString(column);
                            checksum += value == null ? 0 : value.length();
                        }
                        checksum += row.getString(14).length() + row.getBytes(15).length;
                        checksum += row.getString(16).length();
                    }
                }
            }
            connection.rollback();
        }
        if (checksum == 42) {
            System.out.println("(checksum)");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Seconds for the whole {@code streamdingo verify} command; fails unless it found the store intact. */
    private static double verifyCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        int code = StreamDingoCommand.execute(
                new PrintWriter(out),
                new PrintWriter(err),
                "verify",
                "--url",
                BenchmarkDatabase.url(),
                "--user",
                "postgres",
                "--progress",
                "none");
        double seconds = (System.nanoTime() - started) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("verify exited with " + code + ":\n" + out + err);
        }
        return seconds;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
