package io.streamdingo.store.jpa;

import static io.streamdingo.store.jpa.CdiTestConfig.configure;
import static io.streamdingo.store.jpa.CdiTestConfig.unconfigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.AggregateRepository;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.LoadedState;
import io.streamdingo.api.replay.ReplayDecision;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.engine.EventStoreCustomizer;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.cdi.ConsumerMethods;
import io.streamdingo.engine.cdi.ConsumerRunner;
import io.streamdingo.engine.cdi.EventStoreProducer;
import io.streamdingo.engine.cdi.MaintenanceScheduler;
import io.streamdingo.engine.cdi.ReplayProducer;
import io.streamdingo.engine.cdi.StorageCheck;
import io.streamdingo.engine.cdi.StreamsProducer;
import io.streamdingo.store.jpa.cdi.JpaStoreProducer;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.replay.CartState;
import io.streamdingo.tck.replay.Carts;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Inject EventStore} in a real CDI container (Weld) with real MicroProfile Config (SmallRye): with
 * this module deployed the events land in the database.
 */
class InjectedEventStoreTest {

    private static final String URL = "jdbc:h2:mem:cdi;DB_CLOSE_DELAY=-1";

    /** The application's registration of its event types. */
    @ApplicationScoped
    static class ShopEvents implements EventStoreCustomizer {
        @Override
        public void customize(EventStoreBuilder builder) {
            builder.register(ItemAdded.class, ItemRemoved.class);
        }
    }

    /** An application that forgot one of the event types its aggregate's handlers take. */
    @ApplicationScoped
    static class AdditionsOnly implements EventStoreCustomizer {
        @Override
        public void customize(EventStoreBuilder builder) {
            builder.register(ItemAdded.class);
        }
    }

    /** The application's data source, used for the migrations. */
    @ApplicationScoped
    static class Database {
        @Produces
        DataSource dataSource() {
            JdbcDataSource source = new JdbcDataSource();
            source.setURL(URL);
            return source;
        }
    }

    /** The application's aggregate type, declared as a bean for the repository producer. */
    @ApplicationScoped
    static class Aggregates {
        @Produces
        AggregateType<CartState> carts() {
            return Carts.CART;
        }
    }

    /** A bean that injects the repository the way an application does. */
    @ApplicationScoped
    static class CartService {
        @Inject
        AggregateRepository<CartState> carts;

        AggregateRepository<CartState> carts() {
            return carts;
        }
    }

    /**
     * An application that decorates the store it injects (tracing, metrics, auditing): its own alternative
     * producer wraps the engine's store in a decorator that counts appends.
     */
    @ApplicationScoped
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION)
    static class CountingStore {
        static final AtomicInteger APPENDS = new AtomicInteger();

        @Produces
        @Singleton
        @Alternative
        EventStore counting(StoreEngine engine) {
            EventStore store = engine.store();
            return (EventStore) Proxy.newProxyInstance(
                    EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("append")) {
                            APPENDS.incrementAndGet();
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** A consumer written the way an application writes one: an annotated bean method, no messaging code. */
    @ApplicationScoped
    static class BillingConsumer {
        static final List<ItemAdded> BILLED = new CopyOnWriteArrayList<>();
        static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

        @Subscribe("cdi-push")
        void bill(ItemAdded added) {
            if (FAILURES_LEFT.getAndDecrement() > 0) {
                throw new IllegalStateException("payment service down");
            }
            BILLED.add(added);
        }
    }

    /** An exactly-once consumer: counts how often it is called per event. */
    @ApplicationScoped
    static class ShippingConsumer {
        static final Map<java.util.UUID, AtomicInteger> CALLS = new java.util.concurrent.ConcurrentHashMap<>();

        @Subscribe("cdi-ship")
        void ship(io.streamdingo.api.RecordedEvent event) {
            CALLS.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    @BeforeEach
    void nameThePersistenceUnit() {
        System.setProperty("streamdingo.store.jpa.persistence-unit", "streamdingo-cdi-test");
        System.setProperty("streamdingo.store.page-size", "50");
    }

    @AfterEach
    void forgetConfiguration() {
        System.clearProperty("streamdingo.store.jpa.persistence-unit");
        System.clearProperty("streamdingo.store.page-size");
    }

    @Test
    void withTheJpaModuleDeployedInjectedStoreKeepsEventsInTheDatabase() throws SQLException {
        StreamId account = StreamId.of("account", "cdi-1");
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addBeanClasses(EventStoreProducer.class, JpaStoreProducer.class, ShopEvents.class, Database.class)
                .initialize()) {
            EventStore store = container.select(EventStore.class).get();

            store.append(account, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-1", 100)));

            assertThat(store.read(account).map(RecordedEvent::payload)).containsExactly(new ItemAdded("sku-1", 100));
        }
        assertThat(rowsInDatabase(account)).isEqualTo(1);
    }

    @Test
    void aDecoratedStoreServesTheApplicationWhileReplayAndRepositoriesKeepWorking() {
        StreamId cart = Carts.CART.streamId("cdi-decorated");
        CountingStore.APPENDS.set(0);
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addBeanClasses(
                        EventStoreProducer.class,
                        ReplayProducer.class,
                        JpaStoreProducer.class,
                        ShopEvents.class,
                        Database.class,
                        Aggregates.class,
                        CartService.class,
                        CountingStore.class)
                .initialize()) {
            AggregateRepository<CartState> carts =
                    container.select(CartService.class).get().carts();

            carts.update(cart.id(), state -> List.of(new ItemAdded("sku-1", 2)));
            carts.update(cart.id(), state -> List.of(new ItemAdded("sku-2", 3)));

            assertThat(CountingStore.APPENDS)
                    .as("appends through the decorator")
                    .hasValue(2);
            assertThat(container
                            .select(ReplayEngine.class)
                            .get()
                            .load(Carts.CART, cart)
                            .state())
                    .isEqualTo(new CartState(5, 0));
        }
    }

    @Test
    void anAggregateTypeWhoseHandlerTakesAnUnregisteredEventClassFailsTheDeploymentNamingBoth() {
        Weld weld = new Weld()
                .disableDiscovery()
                .addBeanClasses(
                        EventStoreProducer.class,
                        ReplayProducer.class,
                        JpaStoreProducer.class,
                        AdditionsOnly.class,
                        Database.class,
                        Aggregates.class);

        assertThatThrownBy(() -> weld.initialize().close())
                .hasStackTraceContaining("CartHandlers.removed")
                .hasStackTraceContaining(ItemRemoved.class.getName())
                .hasStackTraceContaining("not a registered event type");
    }

    @Test
    void withoutADataSourceToMigrateTheDeploymentFailsSayingHowToProvideOne() {
        Weld weld = new Weld()
                .disableDiscovery()
                .addBeanClasses(EventStoreProducer.class, JpaStoreProducer.class, ShopEvents.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining("there is no DataSource bean and no data source named 'jdbc/streamdingo'")
                .hasStackTraceContaining("streamdingo.store.jpa.migrate=false");
    }

    @Test
    void theInjectedStoreCannotBeClosedByABean() {
        StreamId account = StreamId.of("account", "cdi-not-closed");
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addBeanClasses(EventStoreProducer.class, JpaStoreProducer.class, ShopEvents.class, Database.class)
                .initialize()) {
            EventStore store = container.select(EventStore.class).get();

            assertThatThrownBy(store::close)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("closed by the container");

            store.append(account, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku", 1)));
            assertThat(container.select(EventStore.class).get().currentVersion(account))
                    .isEqualTo(1);
        }
    }

    @Test
    void anInjectedRepositoryLoadsFromSnapshotsKeptInTheDatabase() throws SQLException {
        StreamId cart = Carts.CART.streamId("cdi-cart");
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addBeanClasses(
                        EventStoreProducer.class,
                        ReplayProducer.class,
                        JpaStoreProducer.class,
                        ShopEvents.class,
                        Database.class,
                        Aggregates.class,
                        CartService.class)
                .initialize()) {
            AggregateRepository<CartState> carts =
                    container.select(CartService.class).get().carts();
            carts.update(cart.id(), state -> List.of(new ItemAdded("sku-1", 2), new ItemAdded("sku-2", 3)));
            container.select(ReplayEngine.class).get().snapshot(Carts.CART, cart);

            LoadedState<CartState> loaded = carts.load(cart.id());

            assertThat(loaded.state()).isEqualTo(new CartState(5, 0));
            assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FromSnapshot.class);
        }
        assertThat(snapshotRowsInDatabase(cart)).isEqualTo(1);
    }

    @Test
    void configuredSubscriptionsAreInjectedAndKeepTheirPositionsInTheDatabase() throws SQLException {
        Map<String, String> config = Map.of(
                "streamdingo.streams.cdi_orders.semantics", "AT_LEAST_ONCE",
                "streamdingo.subscriptions.cdi-billing.stream", "cdi_orders",
                "streamdingo.subscriptions.cdi-billing.mode", "EXCLUSIVE");
        configure(config);
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addBeanClasses(
                        EventStoreProducer.class,
                        StreamsProducer.class,
                        JpaStoreProducer.class,
                        ShopEvents.class,
                        Database.class)
                .initialize()) {
            EventStore store = container.select(EventStore.class).get();
            Subscriptions subscriptions = container.select(Subscriptions.class).get();
            store.append(StreamId.of("cdi_orders", "o-1"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku", 1)));

            try (EventConsumer consumer = subscriptions.subscribe("cdi-billing", "node-1")) {
                Delivery delivery = consumer.poll(Duration.ofSeconds(5)).orElseThrow();
                assertThat(delivery.event().payload()).isEqualTo(new ItemAdded("sku", 1));
                delivery.ack();
            }
        } finally {
            unconfigure(config);
        }
        assertThat(storedPosition("cdi-billing")).isPositive();
    }

    @Test
    void anAnnotatedBeanMethodConsumesItsSubscriptionAndAFailureIsRetried() throws InterruptedException {
        Map<String, String> config = Map.of(
                "streamdingo.streams.cdi_push.type", "PERSISTENT",
                "streamdingo.subscriptions.cdi-push.stream", "cdi_push",
                "streamdingo.subscriptions.cdi-push.mode", "EXCLUSIVE",
                "streamdingo.subscriptions.cdi-push.retry.initial-backoff", "PT0.05S");
        configure(config);
        BillingConsumer.BILLED.clear();
        BillingConsumer.FAILURES_LEFT.set(1);
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addExtension(new ConsumerMethods())
                .addBeanClasses(
                        EventStoreProducer.class,
                        StreamsProducer.class,
                        ConsumerRunner.class,
                        ShopEvents.class,
                        BillingConsumer.class)
                .initialize()) {
            EventStore store = container.select(EventStore.class).get();
            store.append(StreamId.of("cdi_push", "o-1"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku-1", 1)));
            store.append(StreamId.of("cdi_push", "o-2"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku-2", 2)));

            awaitUntil10(() -> BillingConsumer.BILLED.size() >= 2);
        } finally {
            unconfigure(config);
        }
        assertThat(BillingConsumer.BILLED)
                .containsExactlyInAnyOrder(new ItemAdded("sku-1", 1), new ItemAdded("sku-2", 2));
        assertThat(BillingConsumer.FAILURES_LEFT).hasValueLessThan(1);
    }

    @Test
    void anAnnotatedMethodOfAnExactlyOnceStreamIsNotCalledAgainForARedeliveredEvent() throws InterruptedException {
        Map<String, String> config = Map.of(
                "streamdingo.streams.cdi_ship.semantics", "EXACTLY_ONCE",
                "streamdingo.subscriptions.cdi-ship.stream", "cdi_ship",
                "streamdingo.subscriptions.cdi-ship.mode", "EXCLUSIVE");
        configure(config);
        ShippingConsumer.CALLS.clear();
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addExtension(new ConsumerMethods())
                .addBeanClasses(
                        EventStoreProducer.class,
                        StreamsProducer.class,
                        JpaStoreProducer.class,
                        ConsumerRunner.class,
                        ShopEvents.class,
                        Database.class,
                        ShippingConsumer.class)
                .initialize()) {
            EventStore store = container.select(EventStore.class).get();
            store.append(StreamId.of("cdi_ship", "o-1"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku-1", 1)));
            store.append(StreamId.of("cdi_ship", "o-2"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku-2", 2)));
            awaitUntil10(() -> ShippingConsumer.CALLS.size() >= 2);

            // an operator rewinds the subscription: both events are delivered again
            Subscriptions subscriptions = container.select(Subscriptions.class).get();
            subscriptions.resetPosition("cdi-ship", "cdi-ship", 0L);
            // the consumer has been handed both events again once its position is back at the head
            awaitUntil10(() -> subscriptions.positions("cdi-ship").stream().allMatch(p -> p.lag() == 0));
            assertThat(subscriptions.positions("cdi-ship"))
                    .isNotEmpty()
                    .allMatch(p -> p.lag() == 0 && p.position() > 0);

            assertThat(ShippingConsumer.CALLS.values())
                    .extracting(AtomicInteger::get)
                    .containsExactly(1, 1);
            ProcessedEvents processed = container.select(ProcessedEvents.class).get();
            assertThat(ShippingConsumer.CALLS.keySet()).allMatch(id -> processed.isProcessed("cdi-ship", id));
        } finally {
            unconfigure(config);
        }
    }

    @Test
    void retentionAndTheProcessedEventsTtlAreEnforcedOnASchedule() throws InterruptedException {
        Map<String, String> config = Map.of(
                "streamdingo.streams.cdi_kept.retention.max-events", "2",
                "streamdingo.retention.interval", "PT0.1S",
                "streamdingo.exactly-once.ttl", "PT0S",
                "streamdingo.exactly-once.cleanup-interval", "PT0.1S");
        configure(config);
        StreamId kept = StreamId.of("cdi_kept", "k-1");
        UUID processedEvent = UUID.randomUUID();
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addBeanClasses(
                        EventStoreProducer.class,
                        StreamsProducer.class,
                        MaintenanceScheduler.class,
                        JpaStoreProducer.class,
                        ShopEvents.class,
                        Database.class)
                .initialize()) {
            EventStore store = container.select(EventStore.class).get();
            ProcessedEvents processed = container.select(ProcessedEvents.class).get();
            for (int i = 1; i <= 5; i++) {
                store.append(kept, ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku-" + i, i)));
            }
            processed.processOnce("cdi-billing", processedEvent, tx -> {});

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((store.read(kept).count() > 2 || processed.isProcessed("cdi-billing", processedEvent))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(store.read(kept).map(RecordedEvent::streamVersion)).containsExactly(4L, 5L);
            assertThat(processed.isProcessed("cdi-billing", processedEvent)).isFalse();
        } finally {
            unconfigure(config);
        }
    }

    @Test
    void withoutAStoreModuleTheDeploymentFailsNamingWhatIsMissing() {
        Weld weld = new Weld()
                .disableDiscovery()
                .addExtension(new StorageCheck())
                .addBeanClasses(EventStoreProducer.class, ShopEvents.class);

        assertThatThrownBy(weld::initialize)
                .hasStackTraceContaining(
                        "StreamDingo found no EventStoreBackend, OffsetStore, SnapshotStore, DeadLetterStore bean")
                .hasStackTraceContaining("streamdingo.store.in-memory=true");
    }

    @Test
    void withoutAStoreModuleInjectedStoreKeepsEventsInMemoryWhenConfiguredTo() throws SQLException {
        Map<String, String> config = Map.of(StorageCheck.IN_MEMORY, "true");
        configure(config);
        StreamId account = StreamId.of("account", "cdi-memory");
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addExtension(new StorageCheck())
                .addBeanClasses(EventStoreProducer.class, ShopEvents.class)
                .initialize()) {
            EventStore store = container.select(EventStore.class).get();

            store.append(account, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-2", 5)));

            assertThat(store.currentVersion(account)).isEqualTo(1);
        } finally {
            unconfigure(config);
        }
        assertThat(rowsInDatabase(account)).isZero();
    }

    @Test
    void withTheStoreModuleDeployedTheCheckPasses() {
        try (WeldContainer container = new Weld()
                .disableDiscovery()
                .addExtension(new StorageCheck())
                .addBeanClasses(EventStoreProducer.class, JpaStoreProducer.class, ShopEvents.class, Database.class)
                .initialize()) {
            assertThat(container.select(EventStore.class).get().currentVersion(StreamId.of("account", "none")))
                    .isZero();
        }
    }

    private static long storedPosition(String subscription) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(URL);
        try (Connection connection = source.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT position FROM sd_offsets WHERE subscription = ?")) {
            select.setString(1, subscription);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    private static long snapshotRowsInDatabase(StreamId stream) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(URL);
        try (Connection connection = source.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM sd_snapshots WHERE stream_id = ?")) {
            count.setString(1, stream.id());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long rowsInDatabase(StreamId stream) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(URL);
        SchemaMigrations.migrate(source);
        try (Connection connection = source.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM sd_events WHERE stream_id = ?")) {
            count.setString(1, stream.id());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void awaitUntil10(java.util.function.BooleanSupplier condition) throws InterruptedException {
        CdiTestConfig.awaitUntil(condition, 10);
    }
}
