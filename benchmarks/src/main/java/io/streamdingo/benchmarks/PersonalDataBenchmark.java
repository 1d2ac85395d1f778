package io.streamdingo.benchmarks;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.EventType;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.privacy.DataSubject;
import io.streamdingo.api.privacy.PersonalData;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.replay.SnapshotPolicy;
import io.streamdingo.benchmarks.results.ResultsFile;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import java.util.Locale;

/**
 * What crypto-shredding costs: appends and replays in memory of an event with one {@code @PersonalData} field,
 * beside the same event without the annotation, in the same process, rounds alternating, on the in-memory store
 * as applications get it. Each run replays every stream twice: first from the stored bytes (every event
 * deserialized and, with personal data, decrypted, as from a database), then again with the decoded events the
 * in-memory store keeps (for personal data: while the subjects' keys exist).
 *
 * <p>Run: {@code ./mvnw verify -pl benchmarks -am -Pbenchmark -DskipTests
 * -Dbenchmark.main=io.streamdingo.benchmarks.PersonalDataBenchmark}
 */
public final class PersonalDataBenchmark {

    private static final int STREAMS = 200; // 80,000 events: within the 100,000 decoded events the store keeps
    private static final int EVENTS_PER_STREAM = 400;
    private static final int WARM_UPS = 2;
    private static final int ROUNDS = 5;

    /** The event without personal data. */
    @EventType(name = "bench.CustomerCharged")
    public record CustomerCharged(String customerId, String name, String sku, long cents) {}

    /** The same event with its customer's name as personal data. */
    @EventType(name = "bench.PersonalCustomerCharged")
    public record PersonalCustomerCharged(
            @DataSubject String customerId, @PersonalData String name, String sku, long cents) {}

    /** What both rebuild: the sum charged and the last name seen. */
    public record Charges(long cents, String name) {}

    /** Pure handlers of {@link Charges}. */
    public static final class ChargeHandlers {
        private ChargeHandlers() {}

        @InitialState
        public static Charges initial() {
            return new Charges(0, null);
        }

        @EventHandler
        public static Charges charged(Charges charges, CustomerCharged event) {
            return new Charges(charges.cents() + event.cents(), event.name());
        }

        @EventHandler
        public static Charges personal(Charges charges, PersonalCustomerCharged event) {
            return new Charges(charges.cents() + event.cents(), event.name());
        }
    }

    private static final AggregateType<Charges> PLAIN = AggregateType.of("plain", Charges.class, ChargeHandlers.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());
    private static final AggregateType<Charges> PERSONAL = AggregateType.of(
                    "personal", Charges.class, ChargeHandlers.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());

    private PersonalDataBenchmark() {}

    public static void main(String[] args) throws Exception {
        ResultsFile results = new ResultsFile();
        int events = STREAMS * EVENTS_PER_STREAM;
        String[] figures = {"append", "replay", "replayKept"};
        double[][] plain = new double[figures.length][ROUNDS];
        double[][] personal = new double[figures.length][ROUNDS];
        double[][] ratio = new double[figures.length][ROUNDS];
        System.out.println("Crypto-shredding benchmark: " + events + " events per run (" + STREAMS + " streams of "
                + EVENTS_PER_STREAM + ", one per append), " + WARM_UPS + " warm-ups, JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) { // of both, untimed: the JIT settles first
            run(false);
            run(true);
        }
        for (int round = 0; round < ROUNDS; round++) {
            double[] without = run(false);
            double[] with = run(true);
            StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
            for (int f = 0; f < figures.length; f++) {
                plain[f][round] = without[f];
                personal[f][round] = with[f];
                ratio[f][round] = with[f] / without[f];
                line.append(String.format(
                        Locale.ROOT, " %s %,.0f vs %,.0f/s (%.2fx)", figures[f], with[f], without[f], ratio[f][round]));
            }
            System.out.println(line);
        }
        boolean met = true;
        StringBuilder median = new StringBuilder("median:");
        for (int f = 0; f < figures.length; f++) {
            results.throughput("personal." + figures[f] + ".plain", "events/s", plain[f]);
            results.throughput("personal." + figures[f] + ".encrypted", "events/s", personal[f]);
            results.throughput("personal." + figures[f] + ".ratio", "x", ratio[f]);
            median.append(String.format(Locale.ROOT, " %s %.2f", figures[f], ResultsFile.median(ratio[f])));
            met &= ResultsFile.median(ratio[f]) >= 0.7;
        }
        System.out.println(median + " (goal >= 0.70: " + (met ? "met" : "NOT met") + ")");
        System.out.println("results: " + results.write("personal-data.json"));
    }

    /** Seconds to replay every stream once, checking every event was applied. */
    private static double replayAll(ReplayEngine replay, AggregateType<Charges> type) {
        long started = System.nanoTime();
        long applied = 0;
        for (int s = 0; s < STREAMS; s++) {
            applied += replay.replay(type, type.streamId("customer-" + s)).eventsApplied();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (applied != (long) STREAMS * EVENTS_PER_STREAM) {
            throw new IllegalStateException("replayed " + applied + " events");
        }
        return seconds;
    }

    /** One run on a fresh store: appends/s, replayed events/s from bytes, and again with kept decoded events. */
    private static double[] run(boolean personal) {
        System.gc(); // the previous run's store is garbage: collect it before, not during, this one
        AggregateType<Charges> type = personal ? PERSONAL : PLAIN;
        StoreEngine engine = EventStores.builder()
                .subjectKeys(EventStores.inMemorySubjectKeyStore())
                .register(CustomerCharged.class, PersonalCustomerCharged.class)
                .buildEngine();
        try (EventStore store = engine.store()) {
            ReplayEngine replay = EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore());
            long started = System.nanoTime();
            for (int e = 0; e < EVENTS_PER_STREAM; e++) {
                for (int s = 0; s < STREAMS; s++) {
                    String customer = "customer-" + s;
                    Object event = personal
                            ? new PersonalCustomerCharged(customer, "Ada Lovelace " + s, "SKU-" + e, 100 + e)
                            : new CustomerCharged(customer, "Ada Lovelace " + s, "SKU-" + e, 100 + e);
                    store.append(type.streamId(customer), ExpectedVersion.any(), NewEvent.of(event));
                }
            }
            double appendSeconds = (System.nanoTime() - started) / 1e9;
            double firstSeconds = replayAll(replay, type);
            double againSeconds = replayAll(replay, type);
            double events = (double) STREAMS * EVENTS_PER_STREAM;
            return new double[] {events / appendSeconds, events / firstSeconds, events / againSeconds};
        }
    }
}
