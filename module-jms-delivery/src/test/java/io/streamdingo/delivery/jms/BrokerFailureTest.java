package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.store.jpa.JpaOffsetStore;
import io.streamdingo.store.jpa.JpaProcessedEvents;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JMS-4 and RL: 10,000 events on PostgreSQL travel through a persistent Artemis broker that is stopped and
 * started again in the middle, and the consuming process is killed mid-batch (events processed, not yet
 * acknowledged) and started again. In the end the exactly-once consumer's own table holds every event once,
 * and the at-least-once consumer saw every event at least once.
 */
class BrokerFailureTest {

    private static final int STREAMS = 100;
    private static final int EVENTS_PER_STREAM = 100;
    private static final int TOTAL = STREAMS * EVENTS_PER_STREAM;

    private final String run = "f" + UUID.randomUUID().toString().substring(0, 8);
    private final String exactly = run + "_xo";
    private final String atLeast = run + "_alo";
    private final SubscriptionDefinition ledger = SubscriptionDefinition.of(
                    exactly + "-ledger", exactly, SubscriptionMode.CONSUMER_GROUP)
            .withVisibilityTimeout(Duration.ofSeconds(10));
    private final SubscriptionDefinition audit = SubscriptionDefinition.of(
                    atLeast + "-audit", atLeast, SubscriptionMode.EXCLUSIVE)
            .withVisibilityTimeout(Duration.ofSeconds(10));
    private final Topology topology = Topology.of(
            List.of(
                    StreamDefinition.persistent(exactly).withSemantics(DeliverySemantics.EXACTLY_ONCE),
                    StreamDefinition.persistent(atLeast).withSemantics(DeliverySemantics.AT_LEAST_ONCE)),
            List.of(ledger, audit));

    private final Map<UUID, Integer> audited = new ConcurrentHashMap<>();
    private final ScheduledExecutorService relayTimer = Executors.newSingleThreadScheduledExecutor();
    private FaultDatabase database;
    private EntityManagerFactory emf;
    private StoreEngine engine;
    private EventStore store;
    private OffsetStore offsets;
    private ProcessedEvents processed;
    private EmbeddedBroker broker;

    @BeforeEach
    void start() throws Exception {
        // a schema of this run's own: nothing earlier runs or other tests left in database test is read
        database = new FaultDatabase(
                "brokerfailuretest",
                "CREATE TABLE fault_ledger (consumer TEXT NOT NULL, event_id UUID NOT NULL, run TEXT NOT NULL)");
        emf = database.entityManagerFactory();
        engine = database.engine();
        store = engine.store();
        offsets = new JpaOffsetStore(emf);
        processed = new JpaProcessedEvents(emf, Clock.systemUTC());
        Path data = Files.createDirectories(Path.of("target", "artemis-fault", run));
        broker = new EmbeddedBroker(7, data);
    }

    @AfterEach
    void stop() throws Exception {
        relayTimer.shutdownNow();
        broker.close();
        database.close();
    }

    @Test
    void aBrokerRestartAndAKilledConsumerLoseNothingAndDuplicateNothingUnderExactlyOnce() throws Exception {
        OutboxRelay relay = EventStores.outboxRelay(
                engine, topology, new JmsEventPublisher(broker.connectionFactory(), "fault"), offsets);
        relayTimer.scheduleWithFixedDelay(() -> publishQuietly(relay), 0, 20, TimeUnit.MILLISECONDS);
        Thread writer = new Thread(this::appendAll, "writer");
        writer.start();

        ConsumingProcess first = new ConsumingProcess();
        awaitUntil(() -> ledgerRows() >= TOTAL * 3 / 10, "30% processed before the broker stops");
        JmsDeliveryTransport transport = first.transport;
        broker.restart(Duration.ofSeconds(2));
        boolean sawTheOutage = !transport.connected();
        awaitUntil(transport::connected, "queues connected again after the broker restart");

        awaitUntil(() -> ledgerRows() >= TOTAL * 6 / 10, "60% processed before the consumer is killed");
        first.kill();
        ConsumingProcess second = new ConsumingProcess();

        writer.join();
        awaitUntil(() -> ledgerRows() >= TOTAL && audited.size() >= TOTAL, "every event processed");
        Thread.sleep(1_000); // a duplicate would arrive now
        second.stop();

        List<UUID> appended = appendedIds(exactly);
        assertThat(appended).hasSize(TOTAL);
        assertThat(ledgerRows()).as("ledger rows: each event exactly once").isEqualTo(TOTAL);
        assertThat(ledgerEventIds()).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(audited.keySet()).containsExactlyInAnyOrderElementsOf(appendedIds(atLeast));
        assertThat(sawTheOutage || first.lostConnection.get())
                .as("the transport reported the lost connection")
                .isTrue();
        System.out.printf(
                "fault test: %d events; exactly-once ledger %d rows; at-least-once deliveries %d (%d redelivered)%n",
                TOTAL,
                ledgerRows(),
                audited.values().stream().mapToInt(Integer::intValue).sum(),
                audited.values().stream().mapToInt(Integer::intValue).sum() - audited.size());
    }

    /** One application process: its transport, delivery and three consumer threads. */
    private final class ConsumingProcess {
        final JmsDeliveryTransport transport =
                new JmsDeliveryTransport(broker.connectionFactory(), "fault", Duration.ofMillis(200), Thread::new);
        final Subscriptions subscriptions =
                EventStores.subscriptions(engine, topology, offsets, Clock.systemUTC(), transport);
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicBoolean lostConnection = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();
        /** Killed mid-batch: these were processed and not acknowledged. */
        final List<Delivery> unacknowledged = new ArrayList<>();

        final AtomicBoolean dying = new AtomicBoolean();

        ConsumingProcess() {
            for (String member : List.of("m1", "m2")) {
                EventConsumer consumer = subscriptions.subscribe(ledger.name(), member);
                threads.add(started("ledger-" + member, () -> consume(consumer, true)));
            }
            EventConsumer auditor = subscriptions.subscribe(audit.name(), "auditor");
            threads.add(started("audit", () -> consume(auditor, false)));
        }

        private void consume(EventConsumer consumer, boolean exactlyOnce) {
            while (running.get()) {
                if (!transport.connected()) {
                    lostConnection.set(true);
                }
                try {
                    consumer.poll(Duration.ofMillis(100)).ifPresent(delivery -> {
                        RecordedEvent event = delivery.event();
                        if (exactlyOnce) {
                            processed.processOnce(
                                    ledger.name(), event.eventId(), tx -> book(tx.unwrap(Connection.class), event));
                        } else {
                            audited.merge(event.eventId(), 1, Integer::sum);
                        }
                        if (dying.get()) {
                            synchronized (unacknowledged) {
                                unacknowledged.add(delivery); // processed, and the process dies before the ack
                            }
                        } else {
                            delivery.ack();
                        }
                    });
                } catch (IllegalStateException closed) {
                    return;
                }
            }
        }

        /** Lets a batch get processed without acknowledgements, then dies without settling anything. */
        void kill() throws InterruptedException {
            dying.set(true);
            awaitUntil(
                    () -> {
                        synchronized (unacknowledged) {
                            return unacknowledged.size() >= 20;
                        }
                    },
                    "a batch processed and not acknowledged");
            running.set(false);
            subscriptions.close(); // the connections drop as with a killed process
            for (Thread thread : threads) {
                thread.join();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            subscriptions.close();
        }
    }

    private static Thread started(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.start();
        return thread;
    }

    private void appendAll() {
        for (int version = 1; version <= EVENTS_PER_STREAM; version++) {
            for (int s = 0; s < STREAMS; s++) {
                ItemAdded item = new ItemAdded("item-" + s, version);
                store.append(StreamId.of(exactly, "s" + s), ExpectedVersion.any(), NewEvent.of(item));
                store.append(StreamId.of(atLeast, "s" + s), ExpectedVersion.any(), NewEvent.of(item));
            }
        }
    }

    private void book(Connection connection, RecordedEvent event) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO fault_ledger (consumer, event_id, run) VALUES (?, ?, ?)")) {
            insert.setString(1, ledger.name());
            insert.setObject(2, event.eventId());
            insert.setString(3, run);
            insert.executeUpdate();
        }
    }

    private long ledgerRows() {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM fault_ledger WHERE run = ?")) {
            count.setString(1, run);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<UUID> ledgerEventIds() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT event_id FROM fault_ledger WHERE run = ?")) {
            select.setString(1, run);
            Set<UUID> ids = new java.util.HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private List<UUID> appendedIds(String category) {
        try (var events = store.readCategory(category, 0)) {
            return events.map(RecordedEvent::eventId).collect(Collectors.toList());
        }
    }

    private static void publishQuietly(OutboxRelay relay) {
        try {
            relay.publishPending();
        } catch (RuntimeException brokerDown) {
            // the relay publishes the same events again on its next run
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
