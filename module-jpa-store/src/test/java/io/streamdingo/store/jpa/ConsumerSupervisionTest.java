package io.streamdingo.store.jpa;

import static io.streamdingo.store.jpa.CdiTestConfig.awaitUntil;
import static io.streamdingo.store.jpa.CdiTestConfig.configure;
import static io.streamdingo.store.jpa.CdiTestConfig.unconfigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.RunningConsumers;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.engine.EventStoreCustomizer;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.cdi.ConsumerMethods;
import io.streamdingo.engine.cdi.ConsumerRunner;
import io.streamdingo.engine.cdi.EventStoreProducer;
import io.streamdingo.engine.cdi.StreamsProducer;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import io.streamdingo.tck.store.LogCapture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code @Subscribe} methods of an application in a real CDI container (Weld) over the JPA store on H2:
 * one supervised consumer per subscription that outlives failures around a delivery, dispatches by payload
 * type, and refuses at start-up what cannot work.
 */
class ConsumerSupervisionTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    private final Map<String, String> config = new HashMap<>();

    /** The application's own storage beans: the JPA store, and a processed-events store it can make fail. */
    @ApplicationScoped
    static class Storage {
        /** How many exactly-once transactions still fail, as a database that goes away during the commit. */
        static final AtomicInteger COMMITS_TO_FAIL = new AtomicInteger();
        /** The sizes of the batches consumers asked to process in one transaction. */
        static final List<Integer> BATCHES = new CopyOnWriteArrayList<>();

        @Produces
        @jakarta.inject.Singleton
        EventStoreBackend backend() {
            return new JpaEventStoreBackend(SCHEMA.entityManagerFactory());
        }

        @Produces
        @jakarta.inject.Singleton
        OffsetStore offsets() {
            return new JpaOffsetStore(SCHEMA.entityManagerFactory());
        }

        @Produces
        @jakarta.inject.Singleton
        DeadLetterStore deadLetters() {
            return new JpaDeadLetterStore(SCHEMA.entityManagerFactory());
        }

        @Produces
        @jakarta.inject.Singleton
        SnapshotStore snapshots() {
            return new JpaSnapshotStore(SCHEMA.entityManagerFactory());
        }

        @Produces
        @jakarta.inject.Singleton
        ProcessedEvents processed() {
            ProcessedEvents real = new JpaProcessedEvents(SCHEMA.entityManagerFactory(), Clock.systemUTC());
            return new ProcessedEvents() {
                @Override
                public boolean processOnce(String consumer, UUID eventId, Work work) {
                    if (COMMITS_TO_FAIL.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        // the work runs and is rolled back, as when the commit cannot reach the database
                        try {
                            real.processOnce(consumer, eventId, tx -> {
                                work.run(tx);
                                throw new SQLException("connection reset during commit");
                            });
                        } catch (RuntimeException rolledBack) {
                            throw new StoreUnavailableException(
                                    "the database could not be reached to commit; try again", rolledBack);
                        }
                    }
                    return real.processOnce(consumer, eventId, work);
                }

                @Override
                public java.util.List<UUID> processAll(String consumer, java.util.List<UUID> eventIds, EachWork work) {
                    BATCHES.add(eventIds.size());
                    return real.processAll(consumer, eventIds, work);
                }

                @Override
                public boolean isProcessed(String consumer, UUID eventId) {
                    return real.isProcessed(consumer, eventId);
                }

                @Override
                public int deleteProcessedBefore(java.time.Instant cutoff) {
                    return real.deleteProcessedBefore(cutoff);
                }
            };
        }
    }

    /** The application's event types. */
    @ApplicationScoped
    static class CartTypes implements EventStoreCustomizer {
        @Override
        public void customize(EventStoreBuilder builder) {
            builder.register(ItemAdded.class).register(ItemRemoved.class).register(NoteAdded.class);
        }
    }

    /** An exactly-once consumer that counts its calls per event. */
    @ApplicationScoped
    static class Ledger {
        static final Map<UUID, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        @Subscribe("sup-ledger")
        void book(RecordedEvent event) {
            CALLS.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** An exactly-once consumer allowed to commit several events at once; it fails once on quantity 13. */
    @ApplicationScoped
    static class BatchLedger {
        static final Map<UUID, AtomicInteger> CALLS = new ConcurrentHashMap<>();
        static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

        @Subscribe("sup-batch")
        void book(RecordedEvent event) {
            CALLS.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            if (((ItemAdded) event.payload()).quantity() == 13 && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("the ledger is busy");
            }
        }
    }

    /** Two methods on one consumer-group subscription, each for one payload type; notes are for nobody. */
    @ApplicationScoped
    static class Billing {
        static final List<UUID> BILLED = new CopyOnWriteArrayList<>();
        static final List<UUID> REFUNDED = new CopyOnWriteArrayList<>();
        static final Set<String> WRONG = ConcurrentHashMap.newKeySet();

        @Subscribe("sup-billing")
        void bill(ItemAdded added) {
            BILLED.add(UUID.nameUUIDFromBytes(added.sku().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        @Subscribe("sup-billing")
        void refund(ItemRemoved removed) {
            REFUNDED.add(UUID.nameUUIDFromBytes(removed.sku().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** A method that settles deliveries itself beside one that does not: they cannot share a subscription. */
    @ApplicationScoped
    static class MixedSettling {
        @Subscribe("sup-mixed")
        void settle(Delivery delivery) {
            delivery.ack();
        }

        @Subscribe("sup-mixed")
        void book(ItemAdded added) {}
    }

    /** A payload type nobody registered. */
    record Unregistered(String sku) {}

    /** A consumer of a type the store cannot hold: it would never be called. */
    @ApplicationScoped
    static class Stranger {
        @Subscribe("sup-stranger")
        void take(Unregistered event) {}
    }

    /** A subscription and its stream declared by the annotation alone: no configuration key names them. */
    @ApplicationScoped
    static class Packing {
        static final List<String> PACKED = new CopyOnWriteArrayList<>();

        @Subscribe(value = "sup-packing", stream = "sup_packing_stream")
        void pack(ItemAdded added) {
            PACKED.add(added.sku());
        }
    }

    /** Two methods that declare one subscription in two modes. */
    @ApplicationScoped
    static class Undecided {
        @Subscribe(value = "sup-undecided", stream = "sup_undecided_stream")
        void group(ItemAdded added) {}

        @Subscribe(value = "sup-undecided", stream = "sup_undecided_stream", mode = SubscriptionMode.BROADCAST)
        void everyone(ItemRemoved removed) {}
    }

    /** A read-receipt subscription served by a method that cannot mark anything read. */
    @ApplicationScoped
    static class UnreadableReceipts {
        @Subscribe("sup-receipts")
        void show(ItemAdded added) {}
    }

    @AfterEach
    void forgetConfiguration() {
        unconfigure(config);
    }

    private void subscription(String name, String stream, String mode, String semantics) {
        config.put("streamdingo.streams." + stream + ".semantics", semantics);
        config.put("streamdingo.subscriptions." + name + ".stream", stream);
        config.put("streamdingo.subscriptions." + name + ".mode", mode);
        configure(config);
    }

    private static WeldContainer application(Class<?>... consumers) {
        List<Class<?>> beans = new ArrayList<>(List.of(
                EventStoreProducer.class, StreamsProducer.class, ConsumerRunner.class, Storage.class, CartTypes.class));
        beans.addAll(List.of(consumers));
        return new Weld()
                .disableDiscovery()
                .addExtension(new ConsumerMethods())
                .addBeanClasses(beans.toArray(Class<?>[]::new))
                .initialize();
    }

    @Test
    void anExactlyOnceConsumerWhoseTransactionFailsThreeTimesKeepsRunningAndProcessesEveryEventOnce() throws Exception {
        subscription("sup-ledger", "sup_ledger_stream", "EXCLUSIVE", "EXACTLY_ONCE");
        Ledger.CALLS.clear();
        Storage.COMMITS_TO_FAIL.set(3);
        LogCapture logged = LogCapture.of("io.streamdingo.engine.cdi.SupervisedConsumer");
        List<UUID> appended = new ArrayList<>();
        try (WeldContainer container = application(Ledger.class)) {
            EventStore store = container.select(EventStore.class).get();
            for (int i = 0; i < 20; i++) {
                store.append(
                        StreamId.of("sup_ledger_stream", "l-" + (i % 4)),
                        ExpectedVersion.any(),
                        NewEvent.of(new ItemAdded("sku-" + i, i)));
            }
            try (java.util.stream.Stream<RecordedEvent> events = store.readCategory("sup_ledger_stream", 0)) {
                events.map(RecordedEvent::eventId).forEach(appended::add);
            }
            ProcessedEvents processed = container.select(ProcessedEvents.class).get();
            awaitUntil(() -> appended.stream().allMatch(id -> processed.isProcessed("sup-ledger", id)), 20);
            RunningConsumers consumers =
                    container.select(RunningConsumers.class).get();
            ConsumerStatus status = consumers.statuses().get(0);

            assertThat(Ledger.CALLS.keySet()).containsExactlyInAnyOrderElementsOf(appended);
            // the first event: three attempts rolled back with their transaction, then the one that committed
            assertThat(Ledger.CALLS.get(appended.get(0))).hasValue(4);
            assertThat(appended.subList(1, appended.size()))
                    .allMatch(id -> Ledger.CALLS.get(id).get() == 1);
            assertThat(status.state()).isEqualTo(ConsumerStatus.State.RUNNING);
            assertThat(status.consecutiveFailures()).isZero();
            assertThat(status.lastError()).contains("StoreUnavailableException");
            assertThat(logged.at(Level.WARNING))
                    .as("one warning for the outage, not one per attempt")
                    .hasSize(1);
            assertThat(logged.at(Level.INFO)).singleElement().satisfies(r -> assertThat(
                            java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                    .contains("works again after 3 failed attempts"));
        } finally {
            logged.close();
        }
    }

    @Test
    void waitingEventsOfABatchingExactlyOnceSubscriptionCommitTogetherAndAFailureFallsBackToOneAtATime()
            throws Exception {
        // given 100 events waiting before the application starts, and a batch size of 25
        subscription("sup-batch", "sup_batch_stream", "EXCLUSIVE", "EXACTLY_ONCE");
        config.put("streamdingo.subscriptions.sup-batch.batch-size", "25");
        configure(config);
        BatchLedger.CALLS.clear();
        BatchLedger.FAILED_ONCE.set(false);
        Storage.BATCHES.clear();
        List<UUID> appended;
        try (EventStore before = EventStores.builder()
                .backend(new JpaEventStoreBackend(SCHEMA.entityManagerFactory()))
                .register(ItemAdded.class)
                .build()) {
            for (int i = 0; i < 100; i++) {
                before.append(
                        StreamId.of("sup_batch_stream", "b-" + (i % 5)),
                        ExpectedVersion.any(),
                        NewEvent.of(new ItemAdded("sku-" + i, i)));
            }
            try (java.util.stream.Stream<RecordedEvent> events = before.readCategory("sup_batch_stream", 0)) {
                appended = events.map(RecordedEvent::eventId).toList();
            }
        }

        // when the application consumes them
        try (WeldContainer container = application(BatchLedger.class)) {
            ProcessedEvents processed = container.select(ProcessedEvents.class).get();
            awaitUntil(() -> appended.stream().allMatch(id -> processed.isProcessed("sup-batch", id)), 30);

            // then they were committed several at a time, every one was processed, and only the events of the
            // batch that failed ran more than once (rolled back with it, then alone)
            assertThat(Storage.BATCHES).anyMatch(size -> size > 1).allMatch(size -> size <= 25);
            assertThat(BatchLedger.CALLS.keySet()).containsExactlyInAnyOrderElementsOf(appended);
            long repeated = BatchLedger.CALLS.values().stream()
                    .filter(calls -> calls.get() > 1)
                    .count();
            assertThat(repeated).isBetween(1L, 25L);
            assertThat(container.select(RunningConsumers.class).get().statuses())
                    .singleElement()
                    .satisfies(status -> assertThat(status.state()).isEqualTo(ConsumerStatus.State.RUNNING));
        }
    }

    @Test
    void aBatchSizeOnASubscriptionThatIsNotExactlyOnceFailsTheDeploymentNamingTheKey() {
        subscription("sup-billing", "sup_billing_stream", "CONSUMER_GROUP", "AT_LEAST_ONCE");
        config.put("streamdingo.subscriptions.sup-billing.batch-size", "10");
        configure(config);

        assertThatThrownBy(() -> application(Billing.class).close())
                .hasStackTraceContaining("streamdingo.subscriptions.sup-billing.batch-size")
                .hasStackTraceContaining("EXACTLY_ONCE");
    }

    @Test
    void twoMethodsOnOneConsumerGroupSubscriptionEachReceiveEveryEventOfTheirTypeUnderLoad() throws Exception {
        subscription("sup-billing", "sup_billing_stream", "CONSUMER_GROUP", "AT_LEAST_ONCE");
        Billing.BILLED.clear();
        Billing.REFUNDED.clear();
        int writers = 4;
        int perWriter = 100;
        try (WeldContainer container = application(Billing.class)) {
            EventStore store = container.select(EventStore.class).get();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(started(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String sku = "w" + writer + "-" + i;
                        StreamId order = StreamId.of("sup_billing_stream", "o-" + writer + "-" + (i % 10));
                        Object event = i % 2 == 0 ? new ItemAdded(sku, 1) : new ItemRemoved(sku);
                        store.append(order, ExpectedVersion.any(), NewEvent.of(event), NewEvent.of(new NoteAdded(sku)));
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            int each = writers * perWriter / 2;
            // at least once: a delivery retried under load may call a method twice, so count distinct events
            awaitUntil(
                    () -> Set.copyOf(Billing.BILLED).size() >= each
                            && Set.copyOf(Billing.REFUNDED).size() >= each,
                    30);
            Subscriptions subscriptions = container.select(Subscriptions.class).get();
            awaitUntil(() -> subscriptions.positions("sup-billing").stream().allMatch(p -> p.lag() == 0), 10);

            assertThat(Set.copyOf(Billing.BILLED)).hasSize(each);
            assertThat(Set.copyOf(Billing.REFUNDED)).hasSize(each);
            assertThat(Set.copyOf(Billing.BILLED)).doesNotContainAnyElementsOf(Billing.REFUNDED);
            assertThat(subscriptions.positions("sup-billing"))
                    .as("the notes, which no method takes, were acknowledged as ignored")
                    .allMatch(p -> p.lag() == 0);
            assertThat(container.select(RunningConsumers.class).get().statuses())
                    .singleElement()
                    .satisfies(status ->
                            assertThat(status.methods()).containsExactlyInAnyOrder("Billing.bill", "Billing.refund"));
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    @Test
    void aMethodThatSettlesDeliveriesBesideAnotherMethodFailsTheDeploymentNamingBoth() {
        subscription("sup-mixed", "sup_mixed_stream", "CONSUMER_GROUP", "AT_LEAST_ONCE");

        assertThatThrownBy(() -> application(MixedSettling.class).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sup-mixed")
                .hasMessageContaining("MixedSettling.settle")
                .hasMessageContaining("MixedSettling.book")
                .hasMessageContaining("only method");
    }

    @Test
    void aReadReceiptSubscriptionWithoutADeliveryTakingMethodFailsTheDeployment() {
        subscription("sup-receipts", "sup_receipts_stream", "READ_RECEIPT", "AT_LEAST_ONCE");

        assertThatThrownBy(() -> application(UnreadableReceipts.class).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sup-receipts")
                .hasMessageContaining("UnreadableReceipts.show")
                .hasMessageContaining("markRead");
    }

    @Test
    void aConsumerOfATypeThatIsNotARegisteredEventTypeFailsTheDeploymentNamingBoth() {
        subscription("sup-stranger", "sup_stranger_stream", "CONSUMER_GROUP", "AT_LEAST_ONCE");

        assertThatThrownBy(() -> application(Stranger.class).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stranger.take")
                .hasMessageContaining(Unregistered.class.getName())
                .hasMessageContaining("not a registered event type");
    }

    @Test
    void aSubscriptionDeclaredByItsAnnotationAloneIsAnAtLeastOnceConsumerGroupThatReceivesEveryEvent()
            throws Exception {
        Packing.PACKED.clear();
        try (WeldContainer container = application(Packing.class)) {
            EventStore store = container.select(EventStore.class).get();
            for (int i = 0; i < 10; i++) {
                store.append(
                        StreamId.of("sup_packing_stream", "p-" + i % 3),
                        ExpectedVersion.any(),
                        NewEvent.of(new ItemAdded("sku-" + i, 1)));
            }
            awaitUntil(() -> Packing.PACKED.size() >= 10, 20);

            Topology topology = container.select(Topology.class).get();
            assertThat(topology.subscription("sup-packing").orElseThrow().mode())
                    .isEqualTo(SubscriptionMode.CONSUMER_GROUP);
            assertThat(topology.stream("sup_packing_stream").orElseThrow().semantics())
                    .isEqualTo(DeliverySemantics.AT_LEAST_ONCE);
            assertThat(Packing.PACKED).hasSize(10).doesNotHaveDuplicates();
        }
    }

    @Test
    void aConfigurationKeyOverridesTheModeAnAnnotationDeclares() {
        config.put("streamdingo.subscriptions.sup-packing.mode", "EXCLUSIVE");
        configure(config);

        try (WeldContainer container = application(Packing.class)) {
            Topology topology = container.select(Topology.class).get();

            assertThat(topology.subscription("sup-packing").orElseThrow().mode())
                    .isEqualTo(SubscriptionMode.EXCLUSIVE);
        }
    }

    @Test
    void methodsThatDeclareOneSubscriptionDifferentlyFailTheDeploymentNamingBoth() {
        assertThatThrownBy(() -> application(Undecided.class).close())
                .hasStackTraceContaining("Undecided.group")
                .hasStackTraceContaining("Undecided.everyone")
                .hasStackTraceContaining("declares the subscription differently");
    }

    @Test
    void aSubscribeMethodInAContainerWithoutTheExtensionFailsTheDeploymentSayingHowToRegisterIt() {
        Weld withoutExtension = new Weld()
                .disableDiscovery()
                .addBeanClasses(
                        EventStoreProducer.class,
                        StreamsProducer.class,
                        ConsumerRunner.class,
                        Storage.class,
                        CartTypes.class,
                        Packing.class);

        assertThatThrownBy(() -> withoutExtension.initialize().close())
                .hasStackTraceContaining("Packing.pack cannot run")
                .hasStackTraceContaining("addExtension(new ConsumerMethods())");
    }
}
