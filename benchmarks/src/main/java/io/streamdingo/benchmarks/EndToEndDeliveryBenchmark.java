package io.streamdingo.benchmarks;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.benchmarks.postgres.BenchmarkDatabase;
import io.streamdingo.benchmarks.results.ResultsFile;
import io.streamdingo.delivery.jms.JmsDeliveryTransport;
import io.streamdingo.delivery.jms.JmsEventPublisher;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.JpaOffsetStore;
import io.streamdingo.store.jpa.JpaProcessedEvents;
import io.streamdingo.store.jpa.SchemaMigrations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hibernate.Session;

/**
 * End-to-end delivery on PostgreSQL and a persistent Artemis broker: events appended to the store,
 * published by the outbox relay, carried by the broker and committed by a consumer group of two members
 * whose work is one ledger row per event. Run once with the ledger row written exactly once (the row and the
 * processed-events record in one transaction) and once at least once (the row alone), in the same JVM, so
 * the ratio is the cost of exactly-once. Latency is from the event's commit time to the consumer's commit.
 *
 * <p>It runs as a server does by default: the relay runs right after every commit in this process and polls
 * every second otherwise, and the store already holds {@value #OTHER_EVENTS} events of another category. It
 * uses the benchmarks' own database ({@value BenchmarkDatabase#NAME}) and writes
 * {@code target/benchmark-results/end-to-end-delivery.json}.
 *
 * <p>{@code ./mvnw verify -pl benchmarks -am -Pbenchmark -DskipTests
 * -Dbenchmark.main=io.streamdingo.benchmarks.EndToEndDeliveryBenchmark}
 */
public final class EndToEndDeliveryBenchmark {

    private static final int EVENTS = 5_000;
    /** Events of another category in the store before anything is measured, as in a store that has lived. */
    private static final int OTHER_EVENTS = 100_000;
    /** How often the relay looks for other processes' appends, as a server does by default. */
    private static final Duration RELAY_INTERVAL = Duration.ofSeconds(1);

    private static final int STREAMS = 100;
    private static final int PER_APPEND = 10;
    private static final int ROUNDS = 3;
    /** The latency runs append one event at a time at this rate, well below saturation. */
    private static final int PACED_PER_SECOND = 200;

    private static final int PACED_EVENTS = 1_000;
    /** Exactly-once consumers commit up to this many waiting deliveries at once (a subscription's batch-size). */
    private static final int BATCH = 50;

    private BenchmarkDatabase database;
    private EntityManagerFactory emf;
    private final ResultsFile results = new ResultsFile();
    private EmbeddedActiveMQ broker;

    /** What one run measured. */
    private record Run(double eventsPerSecond, long p50Micros, long p99Micros) {}

    public static void main(String[] args) throws Exception {
        new EndToEndDeliveryBenchmark().run();
    }

    private void run() throws Exception {
        Locale.setDefault(Locale.ROOT);
        database = BenchmarkDatabase.fresh(12);
        SchemaMigrations.migrate(database.dataSource());
        database.execute("CREATE TABLE bench_ledger (subscription TEXT NOT NULL, event_id UUID NOT NULL,"
                + " amount NUMERIC(12,2) NOT NULL)");
        emf = Persistence.createEntityManagerFactory(
                "streamdingo-benchmark", Map.of("jakarta.persistence.nonJtaDataSource", database.dataSource()));
        fillOtherCategory();
        broker = startBroker();
        System.out.printf(
                "end-to-end delivery: %,d events on %d streams, appends of %d, PostgreSQL + persistent Artemis"
                        + " (in-VM), consumer group of 2, %,d events of another category stored before, relay woken on"
                        + " commit and polling every %s, %d cores, JDK %s%n",
                EVENTS,
                STREAMS,
                PER_APPEND,
                OTHER_EVENTS,
                RELAY_INTERVAL,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        measure(DeliverySemantics.AT_LEAST_ONCE, "warm-up", false);
        System.out.println("throughput (everything appended at once, in appends of " + PER_APPEND + "; latency"
                + " includes the wait in the backlog):");
        List<Run> exactly = new ArrayList<>();
        List<Run> atLeast = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // alternate which goes first, so that warming up favours neither
            if (round % 2 == 1) {
                atLeast.add(measure(DeliverySemantics.AT_LEAST_ONCE, "round " + round, false));
                exactly.add(measure(DeliverySemantics.EXACTLY_ONCE, "round " + round, false));
            } else {
                exactly.add(measure(DeliverySemantics.EXACTLY_ONCE, "round " + round, false));
                atLeast.add(measure(DeliverySemantics.AT_LEAST_ONCE, "round " + round, false));
            }
        }
        System.out.println(
                "latency (one event per append, " + PACED_PER_SECOND + " events/s, " + PACED_EVENTS + " events):");
        Run pacedAtLeast = measure(DeliverySemantics.AT_LEAST_ONCE, "paced", true);
        Run pacedExactly = measure(DeliverySemantics.EXACTLY_ONCE, "paced", true);
        double[] ratios = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            ratios[i] = exactly.get(i).eventsPerSecond() / atLeast.get(i).eventsPerSecond();
        }
        System.out.printf(
                "exactly-once / at-least-once throughput: %.2f (%.2f-%.2f over %d rounds)%n",
                ResultsFile.median(ratios),
                Arrays.stream(ratios).min().orElseThrow(),
                Arrays.stream(ratios).max().orElseThrow(),
                ROUNDS);
        System.out.println("baseline: a minimal hand-written outbox relay and exactly-once consumer (batches of 50)");
        MinimalPipeline minimal = new MinimalPipeline(database, new ActiveMQConnectionFactory("vm://0"));
        minimal.run(EVENTS, PER_APPEND, 0); // warm-up
        double[] minimalRates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            minimalRates[round] = minimal.run(EVENTS, PER_APPEND, 0)[0];
            System.out.printf("  round %d  minimal       %,9.0f events/s%n", round + 1, minimalRates[round]);
        }
        double[] minimalPaced = minimal.run(PACED_EVENTS, 1, PACED_PER_SECOND);
        System.out.printf(
                "  paced    minimal       latency p50 %,7.1f ms   p99 %,7.1f ms%n", minimalPaced[1], minimalPaced[2]);
        double[] toMinimal = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            toMinimal[i] = exactly.get(i).eventsPerSecond() / minimalRates[i];
        }
        System.out.printf(
                "StreamDingo exactly-once / minimal pipeline throughput: %.2f (%.2f-%.2f); paced p99 %.1f ms vs %.1f"
                        + " ms%n",
                ResultsFile.median(toMinimal),
                Arrays.stream(toMinimal).min().orElseThrow(),
                Arrays.stream(toMinimal).max().orElseThrow(),
                pacedExactly.p99Micros() / 1_000.0,
                minimalPaced[2]);
        results.throughput("delivery.minimal-pipeline", "events/s", minimalRates);
        results.throughput("delivery.exactly-once-to-minimal-pipeline", "ratio", toMinimal);
        results.cost("delivery.paced.minimal-pipeline.p99", "ms", minimalPaced[2]);
        double exactlyRate = ResultsFile.median(
                exactly.stream().mapToDouble(Run::eventsPerSecond).toArray());
        System.out.printf(
                "goals: exactly-once >= 5,000 events/s: %,.0f, %s; p99 < 25 ms at %d events/s: %.1f ms, %s%n",
                exactlyRate,
                exactlyRate >= 5_000 ? "met" : "NOT met",
                PACED_PER_SECOND,
                pacedExactly.p99Micros() / 1_000.0,
                pacedExactly.p99Micros() < 25_000 ? "met" : "NOT met");
        results.throughput(
                "delivery.exactly-once",
                "events/s",
                exactly.stream().mapToDouble(Run::eventsPerSecond).toArray());
        results.throughput(
                "delivery.at-least-once",
                "events/s",
                atLeast.stream().mapToDouble(Run::eventsPerSecond).toArray());
        results.throughput("delivery.exactly-once-to-at-least-once", "ratio", ratios);
        results.cost("delivery.paced.exactly-once.p50", "ms", pacedExactly.p50Micros() / 1_000.0);
        results.cost("delivery.paced.exactly-once.p99", "ms", pacedExactly.p99Micros() / 1_000.0);
        results.cost("delivery.paced.at-least-once.p50", "ms", pacedAtLeast.p50Micros() / 1_000.0);
        results.cost("delivery.paced.at-least-once.p99", "ms", pacedAtLeast.p99Micros() / 1_000.0);
        System.out.println(
                "results: " + results.write("end-to-end-delivery.json").toAbsolutePath());
        broker.stop();
        emf.close();
        database.close();
    }

    /** {@value #OTHER_EVENTS} events of a category no subscription reads, in appends of 1,000. */
    private void fillOtherCategory() {
        try (StoreEngine engine = EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(OrderLineAdded.class)
                .buildEngine()) {
            for (int from = 0; from < OTHER_EVENTS; from += 1_000) {
                List<NewEvent> batch = new ArrayList<>(1_000);
                for (int i = from; i < from + 1_000; i++) {
                    batch.add(NewEvent.of(line(i)));
                }
                engine.store().append(StreamId.of("elsewhere", "s" + from / 10_000), ExpectedVersion.any(), batch);
            }
        }
    }

    private Run measure(DeliverySemantics semantics, String label, boolean paced) throws Exception {
        int total = paced ? PACED_EVENTS : EVENTS;
        String category = "e2e_" + semantics.name().toLowerCase() + "_" + System.nanoTime();
        SubscriptionDefinition ledger =
                SubscriptionDefinition.of(category + "-ledger", category, SubscriptionMode.CONSUMER_GROUP);
        Topology topology =
                Topology.of(List.of(StreamDefinition.persistent(category).withSemantics(semantics)), List.of(ledger));
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory("vm://0");
        ProcessedEvents processed = new JpaProcessedEvents(emf, Clock.systemUTC());
        long[] latencies = new long[total];
        // where the time goes: recorded → on the broker (the append's commit and the relay), then the rest
        long[] relayed = new long[total];
        java.util.Map<java.util.UUID, Instant> publishedAt = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        try (StoreEngine engine = EventStores.builder()
                        .backend(new JpaEventStoreBackend(emf))
                        .register(OrderLineAdded.class)
                        .buildEngine();
                Subscriptions subscriptions = EventStores.subscriptions(
                        engine,
                        topology,
                        new JpaOffsetStore(emf),
                        Clock.systemUTC(),
                        new JmsDeliveryTransport(connections, "bench"))) {
            EventStore store = engine.store();
            OutboxRelay relay = EventStores.outboxRelay(
                    engine,
                    topology,
                    timed(new JmsEventPublisher(connections, "bench"), publishedAt),
                    new JpaOffsetStore(emf));
            // as in a server: a run right after each commit in this process, otherwise every RELAY_INTERVAL
            java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
            relay.wakeOnAppend(wake::release);
            Thread relaying = thread("relay", () -> {
                while (running.get()) {
                    try {
                        wake.tryAcquire(RELAY_INTERVAL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                        wake.drainPermits();
                    } catch (InterruptedException e) {
                        return;
                    }
                    relay.publishPending();
                }
            });
            List<Thread> members = new ArrayList<>();
            for (String member : List.of("m1", "m2")) {
                EventConsumer consumer = subscriptions.subscribe(ledger.name(), member);
                members.add(thread(member, () -> {
                    while (running.get()) {
                        Optional<Delivery> first = consumer.poll(Duration.ofMillis(50));
                        if (first.isEmpty()) {
                            continue;
                        }
                        // what a batch-size of BATCH does in a server: the deliveries already waiting, one commit
                        List<Delivery> batch = new ArrayList<>(List.of(first.get()));
                        while (semantics == DeliverySemantics.EXACTLY_ONCE && batch.size() < BATCH) {
                            Optional<Delivery> more = consumer.poll(Duration.ZERO);
                            if (more.isEmpty()) {
                                break;
                            }
                            batch.add(more.get());
                        }
                        if (semantics == DeliverySemantics.EXACTLY_ONCE) {
                            java.util.Map<java.util.UUID, RecordedEvent> byId = new java.util.LinkedHashMap<>();
                            batch.forEach(d -> byId.put(d.event().eventId(), d.event()));
                            processed.processAll(
                                    ledger.name(),
                                    List.copyOf(byId.keySet()),
                                    (tx, id) -> book(tx.unwrap(Connection.class), ledger.name(), byId.get(id)));
                        } else {
                            bookAlone(ledger.name(), batch.get(0).event());
                        }
                        for (Delivery delivery : batch) {
                            delivery.ack();
                            RecordedEvent event = delivery.event();
                            int index = done.getAndIncrement();
                            if (index < total) {
                                latencies[index] = Duration.between(event.recordedAt(), Instant.now())
                                                .toNanos()
                                        / 1_000;
                                Instant published = publishedAt.get(event.eventId());
                                relayed[index] = published == null
                                        ? 0
                                        : Duration.between(event.recordedAt(), published)
                                                        .toNanos()
                                                / 1_000;
                            }
                        }
                    }
                }));
            }
            long start = System.nanoTime();
            if (paced) {
                appendPaced(store, category);
            } else {
                appendAll(store, category);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (done.get() < total) {
                if (System.nanoTime() > deadline || members.stream().noneMatch(Thread::isAlive)) {
                    throw new IllegalStateException("the consumers stopped after " + done.get() + " events");
                }
                pause(1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            relaying.interrupt();
            relaying.join();
            for (Thread member : members) {
                member.join();
            }
            relay.stop();
            Arrays.sort(latencies);
            Run run = new Run(total / seconds, latencies[total / 2], latencies[total * 99 / 100]);
            System.out.printf(
                    "  %-8s %-13s %,9.0f events/s   latency p50 %,7.1f ms   p99 %,7.1f ms%n",
                    label, semantics, run.eventsPerSecond(), run.p50Micros() / 1_000.0, run.p99Micros() / 1_000.0);
            if (paced) {
                Arrays.sort(relayed);
                System.out.printf(
                        "           of which recorded → on the broker (append commit + relay): p50 %,7.1f ms   p99 %,7.1f ms%n",
                        relayed[total / 2] / 1_000.0, relayed[total * 99 / 100] / 1_000.0);
            }
            return run;
        } finally {
            connections.close();
        }
    }

    private static void appendPaced(EventStore store, String category) {
        long start = System.nanoTime();
        for (int i = 0; i < PACED_EVENTS; i++) {
            long due = start + i * 1_000_000_000L / PACED_PER_SECOND;
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - now);
            }
            store.append(StreamId.of(category, "o" + (i % STREAMS)), ExpectedVersion.any(), NewEvent.of(line(i)));
        }
    }

    private static OrderLineAdded line(int i) {
        return new OrderLineAdded(
                "o" + i, i, "SKU-" + i, "a benchmark order line", 1, new BigDecimal("12.50"), "EUR", Instant.now());
    }

    /** Records when the broker confirmed each event. */
    private static io.streamdingo.api.spi.EventPublisher timed(
            io.streamdingo.api.spi.EventPublisher publisher, java.util.Map<java.util.UUID, Instant> publishedAt) {
        return new io.streamdingo.api.spi.EventPublisher() {
            @Override
            public void publish(String category, List<io.streamdingo.api.spi.StoredEvent> events) {
                publisher.publish(category, events);
                Instant now = Instant.now();
                events.forEach(e -> publishedAt.put(e.eventId(), now));
            }

            @Override
            public void close() {
                publisher.close();
            }
        };
    }

    private static void appendAll(EventStore store, String category) {
        int perStream = EVENTS / STREAMS;
        for (int round = 0; round < perStream; round += PER_APPEND) {
            for (int s = 0; s < STREAMS; s++) {
                List<NewEvent> events = new ArrayList<>(PER_APPEND);
                for (int i = 0; i < PER_APPEND; i++) {
                    events.add(NewEvent.of(new OrderLineAdded(
                            "o" + s,
                            round + i,
                            "SKU-" + i,
                            "a benchmark order line",
                            1 + i,
                            new BigDecimal("12.50"),
                            "EUR",
                            Instant.now())));
                }
                store.append(StreamId.of(category, "o" + s), ExpectedVersion.any(), events);
            }
        }
    }

    private static void book(Connection connection, String subscription, RecordedEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bench_ledger (subscription, event_id, amount) VALUES (?, ?, ?)")) {
            insert.setString(1, subscription);
            insert.setObject(2, event.eventId());
            insert.setBigDecimal(3, ((OrderLineAdded) event.payload()).unitPrice());
            insert.executeUpdate();
        }
    }

    /**
     * At least once: the same row in a transaction of its own on the same connection pool, without the
     * processed-events record.
     */
    private void bookAlone(String subscription, RecordedEvent event) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.unwrap(Session.class).doWork(connection -> book(connection, subscription, event));
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static EmbeddedActiveMQ startBroker() throws Exception {
        Path data = Files.createTempDirectory("streamdingo-bench-artemis");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                // the demo server's embedded broker's setting (see EmbeddedBroker): sync the NIO journal within 0.5 ms
                .setJournalBufferTimeout_NIO(500_000)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .addAcceptorConfiguration("in-vm", "vm://0"));
        broker.start();
        return broker;
    }

    private static Thread thread(String name, Runnable task) {
        Thread thread = new Thread(task, "bench-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
