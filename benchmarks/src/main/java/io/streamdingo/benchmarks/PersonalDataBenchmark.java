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
 * beside the same event without the annotation, in the same process, rounds alternating. Both stores sit on the
 * in-memory backend seen through the SPI only ({@link BytesOnlyBackend}), so every replayed event is deserialized
 * (and, with personal data, decrypted) from its bytes, as from a database.
 *
 * <p>Run: {@code ./mvnw verify -pl benchmarks -am -Pbenchmark -DskipTests
 * -Dbenchmark.main=io.streamdingo.benchmarks.PersonalDataBenchmark}
 */
public final class PersonalDataBenchmark {

    private static final int STREAMS = 200;
    private static final int EVENTS_PER_STREAM = 250;
    private static final int ROUNDS = 3;

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
        double[] plainAppend = new double[ROUNDS];
        double[] personalAppend = new double[ROUNDS];
        double[] plainReplay = new double[ROUNDS];
        double[] personalReplay = new double[ROUNDS];
        double[] appendRatio = new double[ROUNDS];
        double[] replayRatio = new double[ROUNDS];
        System.out.println("Crypto-shredding benchmark: " + events + " events per run (" + STREAMS + " streams of "
                + EVENTS_PER_STREAM + ", one per append), JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        run(false); // warm-up of both, untimed
        run(true);
        for (int round = 0; round < ROUNDS; round++) {
            double[] plain = run(false);
            double[] personal = run(true);
            plainAppend[round] = plain[0];
            plainReplay[round] = plain[1];
            personalAppend[round] = personal[0];
            personalReplay[round] = personal[1];
            appendRatio[round] = personal[0] / plain[0];
            replayRatio[round] = personal[1] / plain[1];
            System.out.printf(
                    Locale.ROOT,
                    "round %d: append %,.0f vs %,.0f events/s (%.2fx), replay %,.0f vs %,.0f events/s (%.2fx)%n",
                    round + 1,
                    personal[0],
                    plain[0],
                    appendRatio[round],
                    personal[1],
                    plain[1],
                    replayRatio[round]);
        }
        results.throughput("personal.append.plain", "events/s", plainAppend);
        results.throughput("personal.append.encrypted", "events/s", personalAppend);
        results.throughput("personal.append.ratio", "x", appendRatio);
        results.throughput("personal.replay.plain", "events/s", plainReplay);
        results.throughput("personal.replay.decrypted", "events/s", personalReplay);
        results.throughput("personal.replay.ratio", "x", replayRatio);
        System.out.printf(
                Locale.ROOT,
                "median: append ratio %.2f, replay ratio %.2f (goal >= 0.70: %s)%n",
                ResultsFile.median(appendRatio),
                ResultsFile.median(replayRatio),
                ResultsFile.median(appendRatio) >= 0.7 && ResultsFile.median(replayRatio) >= 0.7 ? "met" : "NOT met");
        System.out.println("results: " + results.write("personal-data.json"));
    }

    /** One run on a fresh store: appends/s and replayed events/s. */
    private static double[] run(boolean personal) {
        AggregateType<Charges> type = personal ? PERSONAL : PLAIN;
        StoreEngine engine = EventStores.builder()
                .backend(new BytesOnlyBackend())
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
            started = System.nanoTime();
            long applied = 0;
            for (int s = 0; s < STREAMS; s++) {
                applied += replay.replay(type, type.streamId("customer-" + s)).eventsApplied();
            }
            double replaySeconds = (System.nanoTime() - started) / 1e9;
            if (applied != (long) STREAMS * EVENTS_PER_STREAM) {
                throw new IllegalStateException("replayed " + applied + " events");
            }
            return new double[] {STREAMS * EVENTS_PER_STREAM / appendSeconds, applied / replaySeconds};
        }
    }
}
