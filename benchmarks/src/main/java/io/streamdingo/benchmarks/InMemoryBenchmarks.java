package io.streamdingo.benchmarks;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.LoadedState;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.replay.SnapshotInfo;
import io.streamdingo.api.replay.SnapshotPolicy;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory engine under JMH (PF): appends, replays, snapshots, hash verification and the snapshot
 * pay-off (SN-5), with ~200-byte events. Run through {@link InMemoryReplayBenchmark}, which prints the
 * figures.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx6g"})
public class InMemoryBenchmarks {

    static final AggregateType<OrderTotals> ORDER = AggregateType.of("order", OrderTotals.class, OrderHandlers.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());

    private EventStore store;
    private ReplayEngine replay;
    /** A store that cannot keep decoded events: every replay deserializes every payload. */
    private EventStore bytesOnlyStore;

    private ReplayEngine bytesOnlyReplay;
    private StreamId thousand;
    private StreamId tenThousand;
    private StreamId tenThousandWithSnapshot;
    private StreamId snapshotted;
    private final List<StreamId> appendTargets = new ArrayList<>();
    private final NewEvent[] appendEvents = new NewEvent[1024];
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        StoreEngine engine =
                EventStores.builder().register(OrderLineAdded.class).buildEngine();
        store = engine.store();
        replay = EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore());
        thousand = fill("thousand", 1_000);
        tenThousand = fill("ten-thousand", 10_000);
        // SN-5: a snapshot 100 events behind the head, as a snapshot every 1,000 events would leave it on average
        // closer; the load applies those 100 events after reading the snapshot.
        tenThousandWithSnapshot = fill("ten-thousand-snapshotted", 9_900);
        replay.snapshot(ORDER, tenThousandWithSnapshot);
        append(tenThousandWithSnapshot, 9_900, 100);
        snapshotted = fill("snapshotted", 100);
        StoreEngine bytesOnly = EventStores.builder()
                .register(OrderLineAdded.class)
                .backend(new BytesOnlyBackend())
                .buildEngine();
        bytesOnlyStore = bytesOnly.store();
        bytesOnlyReplay = EventStores.replayEngine(bytesOnly, EventStores.inMemorySnapshotStore());
        append(bytesOnlyStore, thousand, 0, 1_000);
        replay.snapshot(ORDER, snapshotted);
        for (int i = 0; i < 1_000; i++) {
            appendTargets.add(ORDER.streamId("append-" + i));
        }
        for (int i = 0; i < appendEvents.length; i++) {
            appendEvents[i] = NewEvent.of(OrderLineAdded.sample(i, i));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        bytesOnlyStore.close();
    }

    private StreamId fill(String id, int events) {
        StreamId stream = ORDER.streamId(id);
        append(stream, 0, events);
        return stream;
    }

    private void append(StreamId stream, int from, int count) {
        append(store, stream, from, count);
    }

    private static void append(EventStore store, StreamId stream, int from, int count) {
        for (int done = 0; done < count; done += 500) {
            List<NewEvent> batch = new ArrayList<>(500);
            for (int line = from + done; line < from + Math.min(done + 500, count); line++) {
                batch.add(NewEvent.of(OrderLineAdded.sample(1, line)));
            }
            store.append(stream, ExpectedVersion.any(), batch);
        }
    }

    /** One event per append, spread over 1,000 streams: appends per second = events per second. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AppendResult append() {
        int i = next++;
        // A fresh event id per append: the payload object is shared, the envelope is new.
        NewEvent template = appendEvents[i & (appendEvents.length - 1)];
        return store.append(
                appendTargets.get(i % appendTargets.size()), ExpectedVersion.any(), NewEvent.of(template.payload()));
    }

    /**
     * 100 events per call, spread over 1,000 streams: each a new event (its own id) of a shared payload,
     * serialized, checked canonical, hashed into the chain and stored.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(100)
    public AppendResult appendBatch100() {
        int i = next++;
        List<NewEvent> batch = new ArrayList<>(100);
        for (int e = 0; e < 100; e++) {
            batch.add(NewEvent.of(appendEvents[(i + e) & (appendEvents.length - 1)].payload()));
        }
        return store.append(appendTargets.get(i % appendTargets.size()), ExpectedVersion.any(), batch);
    }

    /**
     * A full replay of a 1,000-event stream through the handlers, ignoring snapshots. The in-memory store
     * keeps these events decoded (immutable records), so this measures read and apply, not deserialization;
     * {@link #replay1000FromBytes()} measures that too.
     */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @OperationsPerInvocation(1_000)
    public LoadedState<OrderTotals> replay1000() {
        return replay.replay(ORDER, thousand);
    }

    /** The same replay from a store that deserializes every payload on every read, as a database read does. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @OperationsPerInvocation(1_000)
    public LoadedState<OrderTotals> replay1000FromBytes() {
        return bytesOnlyReplay.replay(ORDER, thousand);
    }

    /** A snapshot taken on demand of a stream whose newest snapshot is current: load from it, serialize, hash, store. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public SnapshotInfo snapshot() {
        return replay.snapshot(ORDER, snapshotted);
    }

    /** The hash chain of a 10,000-event stream walked and every link recomputed. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(10_000)
    public StreamVerification verify10000() {
        return store.verify(tenThousand);
    }

    /** SN-5 baseline: a 10,000-event stream loaded by applying every event. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LoadedState<OrderTotals> load10000WithoutSnapshot() {
        return replay.replay(ORDER, tenThousand);
    }

    /** SN-5: the same length of stream loaded from a snapshot 100 events behind its head. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LoadedState<OrderTotals> load10000WithSnapshot() {
        return replay.load(ORDER, tenThousandWithSnapshot);
    }
}
