package io.streamdingo.benchmarks;

import io.streamdingo.benchmarks.postgres.AxonContender;
import io.streamdingo.benchmarks.postgres.BenchmarkDatabase;
import io.streamdingo.benchmarks.postgres.Contender;
import io.streamdingo.benchmarks.postgres.RawJdbcContender;
import io.streamdingo.benchmarks.postgres.StreamDingoContender;
import io.streamdingo.benchmarks.results.ResultsFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The JPA store on PostgreSQL beside Axon Framework's JDBC engine (what users would pick instead) and raw JDBC
 * on StreamDingo's own schema, all on one database and one connection pool in one process (PF): batched
 * appends of 1,000 streams x 100 events (100 per append and transaction); one 100,000-event stream read with
 * every payload deserialized; and 1, 4 and 8 writers appending single events to streams of their own for a
 * fixed time (transactions/s and p99). Rounds rotate which contender goes first; every measurement starts on
 * emptied tables. Prints a table per case with the ratios and goals, and writes
 * {@code target/benchmark-results/postgres-store.json}.
 *
 * <p>Run: {@code ./mvnw verify -pl benchmarks -am -Pbenchmark -DskipTests} with PostgreSQL on 127.0.0.1:5432
 * (user {@code postgres}, trust); it uses a database of its own, {@value BenchmarkDatabase#NAME}.
 * {@code -Dbenchmark.seconds=5} sets each concurrent measurement's length.
 */
public final class PostgresStoreBenchmark {

    private static final int STREAMS = 1_000;
    private static final int EVENTS_PER_STREAM = 100;
    private static final int LONG_STREAM = 100_000;
    private static final int ROUNDS = 3;
    private static final int[] WRITERS = {1, 4, 8};
    private static final int STREAMS_PER_WRITER = 20;

    private final int seconds = Integer.getInteger("benchmark.seconds", 5);
    private final ResultsFile results = new ResultsFile();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        new PostgresStoreBenchmark().run();
    }

    private void run() throws Exception {
        try (BenchmarkDatabase database = BenchmarkDatabase.fresh(12);
                Contender ours = new StreamDingoContender(database);
                Contender axon = new AxonContender(database);
                Contender raw = new RawJdbcContender(database)) {
            List<Contender> contenders = List.of(ours, axon, raw);
            System.out.println(database.describe());
            warmUp(contenders);
            double[][] append = new double[contenders.size()][ROUNDS];
            double[][] read = new double[contenders.size()][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int turn = 0; turn < contenders.size(); turn++) {
                    int c = (turn + round) % contenders.size();
                    append[c][round] = batchedAppend(contenders, contenders.get(c), STREAMS, "r" + round);
                    read[c][round] = fullRead(contenders, contenders.get(c), "long" + round, LONG_STREAM);
                }
                System.out.printf(
                        "round %d  append %s  read %s%n",
                        round + 1, line(contenders, append, round), line(contenders, read, round));
            }
            table("batched append (events/s)", "append.batched", contenders, append, "events/s");
            goal("batched append", append[0], append[1], 1.5);
            table("full-stream read with decode (events/s)", "read.stream", contenders, read, "events/s");
            goal("read with decode", read[0], read[1], 1.5);
            concurrentWriters(contenders);
            System.out.println(
                    "results: " + results.write("postgres-store.json").toAbsolutePath());
        }
    }

    /** A small run of every path, so the JIT has compiled them before anything is measured. */
    private void warmUp(List<Contender> contenders) throws Exception {
        for (Contender contender : contenders) {
            batchedAppend(contenders, contender, 100, "warm");
            for (int i = 0; i < 3; i++) {
                fullRead(contenders, contender, "warm-long" + i, 10_000);
            }
            concurrently(contenders, contender, 4, 1);
        }
    }

    private static double batchedAppend(List<Contender> all, Contender contender, int streams, String prefix)
            throws Exception {
        reset(all);
        long start = System.nanoTime();
        for (int s = 0; s < streams; s++) {
            contender.appendBatches(prefix + "-" + s, EVENTS_PER_STREAM, EVENTS_PER_STREAM);
        }
        return perSecond((long) streams * EVENTS_PER_STREAM, start);
    }

    private static double fullRead(List<Contender> all, Contender contender, String stream, int events)
            throws Exception {
        reset(all);
        contender.appendBatches(stream, events, 1_000);
        long start = System.nanoTime();
        long read = contender.read(stream);
        double rate = perSecond(read, start);
        if (read != events) {
            throw new IllegalStateException(contender.name() + " read " + read + " of " + events + " events");
        }
        return rate;
    }

    private void concurrentWriters(List<Contender> contenders) throws Exception {
        double[][][] rates = new double[WRITERS.length][contenders.size()][ROUNDS];
        double[][][] p99s = new double[WRITERS.length][contenders.size()][ROUNDS];
        for (int w = 0; w < WRITERS.length; w++) {
            for (int round = 0; round < ROUNDS; round++) {
                for (int turn = 0; turn < contenders.size(); turn++) {
                    int c = (turn + round) % contenders.size();
                    double[] figures = concurrently(contenders, contenders.get(c), WRITERS[w], seconds);
                    rates[w][c][round] = figures[0];
                    p99s[w][c][round] = figures[1];
                }
            }
            table(
                    WRITERS[w] + " writer(s), single-event appends (transactions/s)",
                    "append.single." + WRITERS[w] + "-writers",
                    contenders,
                    rates[w],
                    "tx/s");
            System.out.printf("p99 latency (ms): %s%n", medians(contenders, p99s[w]));
            for (int c = 0; c < contenders.size(); c++) {
                results.cost(
                        "append.single." + WRITERS[w] + "-writers.p99." + key(contenders.get(c)), "ms", p99s[w][c]);
            }
        }
        System.out.println();
        for (int c = 0; c < contenders.size(); c++) {
            double[] scaling = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                scaling[round] = rates[WRITERS.length - 1][c][round] / rates[0][c][round];
            }
            results.throughput("append.single.scaling-8-to-1." + key(contenders.get(c)), "ratio", scaling);
            System.out.printf(
                    "%-12s 8 writers / 1 writer: %.2f (%s)%s%n",
                    contenders.get(c).name(),
                    ResultsFile.median(scaling),
                    range(scaling, "%.2f"),
                    c == 0 ? "   goal >= 3.00: " + (ResultsFile.median(scaling) >= 3 ? "met" : "NOT met") : "");
        }
    }

    /** {@code writers} threads appending single events to streams of their own for {@code seconds}. */
    private static double[] concurrently(List<Contender> all, Contender contender, int writers, int seconds)
            throws Exception {
        reset(all);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<long[]>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String prefix = "c" + System.nanoTime() + "-" + w + "-";
                running.add(pool.submit(() -> {
                    long[] versions = new long[STREAMS_PER_WRITER];
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    while (System.nanoTime() < deadline) {
                        int stream = count % STREAMS_PER_WRITER;
                        long start = System.nanoTime();
                        contender.appendOne(prefix + stream, ++versions[stream]);
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - start;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            long[] merged = new long[0];
            for (Future<long[]> writer : running) {
                long[] mine = writer.get();
                int before = merged.length;
                merged = Arrays.copyOf(merged, before + mine.length);
                System.arraycopy(mine, 0, merged, before, mine.length);
            }
            Arrays.sort(merged);
            double p99 = merged.length == 0
                    ? 0
                    : merged[(int) Math.min(merged.length - 1, Math.ceil(merged.length * 0.99) - 1)] / 1e6;
            return new double[] {merged.length / (double) seconds, p99};
        } finally {
            pool.shutdownNow();
        }
    }

    private void table(String title, String figure, List<Contender> contenders, double[][] rates, String unit) {
        System.out.printf("%n%s%n", title);
        int axon = 1;
        int raw = 2;
        for (int c = 0; c < contenders.size(); c++) {
            Contender contender = contenders.get(c);
            results.throughput(figure + "." + key(contender), unit, rates[c]);
            System.out.printf(
                    "  %-12s %,10.0f  (%s)   vs Axon %.2f   vs raw JDBC %.2f%n",
                    contender.name(),
                    ResultsFile.median(rates[c]),
                    range(rates[c], "%,.0f"),
                    ratio(rates[c], rates[axon]),
                    ratio(rates[c], rates[raw]));
        }
        double[] toAxon = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            toAxon[round] = rates[0][round] / rates[axon][round];
        }
        results.throughput(figure + ".ratio-to-axon", "ratio", toAxon);
    }

    private static void goal(String what, double[] ours, double[] axon, double factor) {
        double ratio = ratio(ours, axon);
        System.out.printf(
                "  goal: %s >= %.1fx Axon JDBC: %.2fx, %s%n", what, factor, ratio, ratio >= factor ? "met" : "NOT met");
    }

    /** The median of the per-round ratios, so that each ratio compares runs made side by side. */
    private static double ratio(double[] ours, double[] theirs) {
        double[] ratios = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            ratios[i] = ours[i] / theirs[i];
        }
        return ResultsFile.median(ratios);
    }

    private static String medians(List<Contender> contenders, double[][] values) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < contenders.size(); c++) {
            out.append(String.format(
                    "%s %.1f (%s)  ",
                    contenders.get(c).name(), ResultsFile.median(values[c]), range(values[c], "%.1f")));
        }
        return out.toString();
    }

    private static String line(List<Contender> contenders, double[][] values, int round) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < contenders.size(); c++) {
            out.append(String.format("%s %,.0f  ", contenders.get(c).name(), values[c][round]));
        }
        return out.toString();
    }

    private static String range(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(format, sorted[0]) + "–" + String.format(format, sorted[sorted.length - 1]);
    }

    private static String key(Contender contender) {
        return contender.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    }

    private static void reset(List<Contender> contenders) throws Exception {
        for (Contender contender : contenders) {
            contender.reset();
        }
    }

    private static double perSecond(long events, long startNanos) {
        return events / ((System.nanoTime() - startNanos) / 1e9);
    }
}
