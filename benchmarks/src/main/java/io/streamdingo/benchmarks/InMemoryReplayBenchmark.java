package io.streamdingo.benchmarks;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.replay.SnapshotPolicy;
import io.streamdingo.benchmarks.results.ResultsFile;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link InMemoryBenchmarks} under JMH with the allocation profiler, measures the heap that 1,000,000
 * events with a snapshot every 1,000 take, and prints every PF figure of the in-memory engine beside its
 * target.
 *
 * <p>Run: {@code ./mvnw verify -pl benchmarks -am -Pbenchmark -DskipTests
 * -Dbenchmark.main=io.streamdingo.benchmarks.InMemoryReplayBenchmark}
 */
public final class InMemoryReplayBenchmark {

    private InMemoryReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        double heapMb = heapForAMillionEvents();
        java.nio.file.Path folder =
                java.nio.file.Path.of(System.getProperty("benchmark.results", ResultsFile.DEFAULT_FOLDER));
        java.nio.file.Files.createDirectories(folder);
        Options options = new OptionsBuilder()
                .include(InMemoryBenchmarks.class.getName() + "\\.")
                .addProfiler(GCProfiler.class)
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .result(folder.resolve("in-memory.json").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, RunResult> byName = new TreeMap<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String method =
                    params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            byName.put(method + "/" + params.getMode().shortLabel(), result);
        }
        System.out.println();
        System.out.println("StreamDingo in-memory engine (JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        double appendPerUs = score(byName, "append/thrpt");
        double replayPerMs = score(byName, "replay1000/thrpt");
        double withoutMs = score(byName, "load10000WithoutSnapshot/avgt");
        double withMs = score(byName, "load10000WithSnapshot/avgt");
        double fromBytesPerMs = score(byName, "replay1000FromBytes/thrpt");
        row("append, 1 event per call", appendPerUs * 1_000_000, "events/s", "> 100,000");
        row("append p99", percentile(byName, "append/sample", 99), "µs", "< 1,000");
        row("append, 100 events per call", score(byName, "appendBatch100/thrpt"), "events/s", "goal >= 1,000,000");
        row("replay (1,000-event stream, kept decoded)", replayPerMs * 1_000, "events/s", "> 500,000; goal >= 2M");
        row("replay of 1,000 events p99", percentile(byName, "replay1000/sample", 99) * 1_000, "ms", "< 10; goal < 2");
        // JMH divides sampled times and allocations by the 1,000 operations (events) per invocation.
        row(
                "allocated per replayed event",
                allocatedPerOperation(byName, "replay1000/thrpt"),
                "bytes",
                "< 1,024; goal < 200");
        row("replay decoded from bytes", fromBytesPerMs * 1_000, "events/s", "> 500,000");
        row(
                "replay of 1,000 from bytes p99",
                percentile(byName, "replay1000FromBytes/sample", 99) * 1_000,
                "ms",
                "< 10");
        row(
                "allocated per event decoded from bytes",
                allocatedPerOperation(byName, "replay1000FromBytes/thrpt"),
                "bytes",
                "");
        row("allocated per append", allocatedPerOperation(byName, "append/thrpt"), "bytes", "");
        row("allocated per event, 100 per call", allocatedPerOperation(byName, "appendBatch100/thrpt"), "bytes", "");
        row("snapshots taken", score(byName, "snapshot/thrpt"), "snapshots/s", "> 10,000");
        row("hash verification", score(byName, "verify10000/thrpt"), "hashes/s", "> 1,000,000; goal >= 1M/core");
        row("load 10,000 events without snapshot", withoutMs, "ms", "");
        row("load 10,000 events with snapshot", withMs, "ms", "");
        row("time saved by the snapshot (SN-5)", 100 * (1 - withMs / withoutMs), "%", ">= 80");
        row("heap, 1M events + snapshot every 1,000", heapMb, "MB", "< 1,024");
    }

    /** Appends 1,000 streams of 1,000 events, loads each with a snapshot policy of every 1,000 events, measures. */
    private static double heapForAMillionEvents() {
        AggregateType<OrderTotals> order =
                InMemoryBenchmarks.ORDER.withSnapshotPolicy(SnapshotPolicy.everyEvents(1_000));
        long before = usedHeapAfterGc();
        StoreEngine engine =
                EventStores.builder().register(OrderLineAdded.class).buildEngine();
        EventStore store = engine.store();
        ReplayEngine replay = EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore());
        List<StreamId> streams = new ArrayList<>();
        for (int s = 0; s < 1_000; s++) {
            StreamId stream = order.streamId("heap-" + s);
            List<NewEvent> batch = new ArrayList<>(1_000);
            for (int line = 0; line < 1_000; line++) {
                batch.add(NewEvent.of(OrderLineAdded.sample(s, line)));
            }
            store.append(stream, ExpectedVersion.noStream(), batch);
            streams.add(stream);
        }
        for (StreamId stream : streams) {
            replay.load(order, stream);
        }
        long after = usedHeapAfterGc();
        if (replay.statistics().snapshotsTaken() != streams.size()) {
            throw new IllegalStateException("expected one snapshot per stream, got " + replay.statistics());
        }
        double megabytes = (after - before) / (1024.0 * 1024.0);
        store.close();
        return megabytes;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double score(Map<String, RunResult> results, String key) {
        return result(results, key).getPrimaryResult().getScore();
    }

    private static double percentile(Map<String, RunResult> results, String key, double percentile) {
        return result(results, key).getPrimaryResult().getStatistics().getPercentile(percentile);
    }

    private static double allocatedPerOperation(Map<String, RunResult> results, String key) {
        for (Map.Entry<String, Result> secondary :
                result(results, key).getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return secondary.getValue().getScore();
            }
        }
        throw new IllegalStateException("the GC profiler reported no allocation for " + key);
    }

    private static RunResult result(Map<String, RunResult> results, String key) {
        RunResult result = results.get(key);
        if (result == null) {
            throw new IllegalStateException("no JMH result for " + key + "; have " + results.keySet());
        }
        return result;
    }

    private static void row(String figure, double value, String unit, String target) {
        System.out.printf("  %-44s %,14.1f %-12s target %s%n", figure, value, unit, target);
    }
}
