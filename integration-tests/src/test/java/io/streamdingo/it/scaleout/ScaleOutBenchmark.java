package io.streamdingo.it.scaleout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scaling factor of the scale-out profile, measured, never asserted: append and end-to-end delivery events/s
 * through one server and then through two, in the same run on the same database and brokers, and the relay's
 * failover time after a {@code kill -9}. Run with {@code ./mvnw verify -pl integration-tests -Pscale-out-benchmark}
 * (after a build); the figures are printed and written in JMH's JSON shape to
 * {@code integration-tests/target/benchmark-results/scale-out.json}.
 */
class ScaleOutBenchmark {

    private static final int STREAMS_PER_CATEGORY = 20;
    private static final int VERSIONS = 100;
    private static final int EVENTS = 2 * STREAMS_PER_CATEGORY * VERSIONS;
    private static final int CLIENTS = 16;
    /** Versions per stream of the warm-up loads (10 streams per category): 1,000 events. */
    private static final int WARM_UP = 50;

    private static final List<String> CATEGORIES = List.of(ScaleOutLedger.EXACTLY_ONCE, ScaleOutLedger.AT_LEAST_ONCE);

    @Test
    void oneServerThenTwo() throws Exception {
        try (ScaleOutCluster cluster = ScaleOutCluster.start()) {
            // warm both servers up, then stop one
            new RestLoad(cluster.servers()).run("warm", CATEGORIES, 10, WARM_UP, CLIENTS);
            awaitBooked("warm", 2 * 10 * WARM_UP);
            cluster.serverB.stop();

            Phase one = phase("one", new RestLoad(List.of(cluster.serverA)));
            cluster.serverB.start();
            cluster.serverB.awaitReady(Duration.ofMinutes(4));
            new RestLoad(List.of(cluster.serverB)).run("warm-b", CATEGORIES, 10, WARM_UP, CLIENTS);
            awaitBooked("warm-b", 2 * 10 * WARM_UP);
            Phase two = phase("two", new RestLoad(cluster.servers()));

            Duration failover = relayFailover(cluster);

            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("append.oneServer", one.append());
            figures.put("append.twoServers", two.append());
            figures.put("append.scaling", two.append() / one.append());
            figures.put("delivery.oneServer", one.delivery());
            figures.put("delivery.twoServers", two.delivery());
            figures.put("delivery.scaling", two.delivery() / one.delivery());
            figures.put("relay.failover", failover.toMillis() / 1000.0);
            one.cpu().forEach((part, seconds) -> figures.put("cpu.oneServer." + part, seconds));
            two.cpu().forEach((part, seconds) -> figures.put("cpu.twoServers." + part, seconds));
            figures.forEach((name, value) -> System.out.printf("scale-out %-22s %10.2f%n", name, value));
            write(figures);
        }
    }

    /**
     * What one load did: append events/s (REST calls answered), end-to-end events/s (until every one is booked),
     * and the CPU seconds each part of the cluster used meanwhile.
     */
    record Phase(double append, double delivery, Map<String, Double> cpu) {}

    private static Phase phase(String prefix, RestLoad load) throws Exception {
        Map<String, Double> cpuBefore = CpuUse.snapshot();
        Instant started = Instant.now();
        RestLoad.Outcome outcome = load.run(prefix, CATEGORIES, STREAMS_PER_CATEGORY, VERSIONS, CLIENTS);
        awaitBooked(prefix, EVENTS);
        double seconds = Duration.between(started, Instant.now()).toNanos() / 1e9;
        Map<String, Double> cpu = CpuUse.between(cpuBefore, CpuUse.snapshot());
        System.out.printf(
                "scale-out phase %s: %.1f s wall, CPU seconds %s (2 cores: %.1f available)%n",
                prefix, seconds, cpu, 2 * seconds);
        return new Phase(outcome.eventsPerSecond(), EVENTS / seconds, cpu);
    }

    /** Kills the server whose relay holds the exactly-once category and times until the other's relay holds it. */
    private static Duration relayFailover(ScaleOutCluster cluster) throws Exception {
        String[] holder = new String[1];
        Waiting.until(
                () -> (holder[0] = ScaleOutCluster.relayLease(ScaleOutLedger.EXACTLY_ONCE)) != null,
                "a relay holds the category",
                Duration.ofMinutes(1));
        LibertyProcess victim = holder[0].startsWith(cluster.serverA.name() + "/") ? cluster.serverA : cluster.serverB;
        LibertyProcess survivor = victim == cluster.serverA ? cluster.serverB : cluster.serverA;
        Instant killed = Instant.now();
        victim.kill();
        Waiting.until(
                () -> {
                    String lease = ScaleOutCluster.relayLease(ScaleOutLedger.EXACTLY_ONCE);
                    return lease != null && lease.startsWith(survivor.name() + "/");
                },
                "the survivor's relay takes over",
                Duration.ofMinutes(1));
        return Duration.between(killed, Instant.now());
    }

    private static void awaitBooked(String prefix, int events) throws InterruptedException {
        Waiting.until(
                () -> booked(prefix) >= events, events + " events of " + prefix + " booked", Duration.ofMinutes(5));
    }

    private static int booked(String prefix) {
        try (Connection db = ScaleOutCluster.database();
                PreparedStatement query =
                        db.prepareStatement("SELECT count(DISTINCT event_id) FROM scale_ledger WHERE stream LIKE ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The figures in JMH's JSON shape, as the benchmarks module writes its own. */
    private static void write(Map<String, Double> figures) throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        figures.forEach((name, value) -> {
            boolean time = name.equals("relay.failover") || name.startsWith("cpu.");
            entries.add(Map.of(
                    "benchmark",
                    "scale-out." + name,
                    "mode",
                    time ? "avgt" : "thrpt",
                    "primaryMetric",
                    Map.of(
                            "score",
                            value,
                            "scoreUnit",
                            time ? "s" : name.endsWith("scaling") ? "ratio" : "events/s",
                            "rawData",
                            List.of(List.of(value)))));
        });
        Path folder = Path.of(System.getProperty("benchmark.results", "target/benchmark-results"));
        Files.createDirectories(folder);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(folder.resolve("scale-out.json").toFile(), entries);
    }
}
