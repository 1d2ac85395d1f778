package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
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
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.store.TestClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ST-8 on PostgreSQL: the consumer's own database work and the processed-events record commit or roll back
 * together, and an event redelivered after a crash between commit and ack is processed zero more times.
 */
class PostgresExactlyOnceTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private final String category = "eo_" + UUID.randomUUID().toString().substring(0, 8);
    private final TestClock clock = TestClock.startingNow();
    private ProcessedEvents processed;
    private StoreEngine engine;
    private EventStore store;

    @BeforeEach
    void createLedger() throws SQLException {
        processed = new JpaProcessedEvents(SCHEMA.entityManagerFactory(), clock);
        engine = EventStores.builder()
                .backend(new JpaEventStoreBackend(SCHEMA.entityManagerFactory()))
                .register(ItemAdded.class)
                .clock(clock)
                .buildEngine();
        store = engine.store();
        try (Connection connection = SCHEMA.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS tck_ledger (event_id UUID NOT NULL, consumer TEXT NOT NULL)");
        }
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The consumer's own work: a ledger row, written on the transaction's connection. */
    private static ProcessedEvents.Work bookIn(UUID eventId, String consumer) {
        return tx -> {
            try (PreparedStatement insert = tx.unwrap(Connection.class)
                    .prepareStatement("INSERT INTO tck_ledger (event_id, consumer) VALUES (?, ?)")) {
                insert.setObject(1, eventId);
                insert.setString(2, consumer);
                insert.executeUpdate();
            }
        };
    }

    private static long ledgerRows(UUID eventId) throws SQLException {
        try (Connection connection = SCHEMA.dataSource().getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM tck_ledger WHERE event_id = ?")) {
            count.setObject(1, eventId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void theConsumersWorkCommitsWithTheRecord() throws SQLException {
        UUID event = UUID.randomUUID();

        processed.processOnce(category, event, bookIn(event, category));

        assertThat(ledgerRows(event)).isEqualTo(1);
        assertThat(processed.isProcessed(category, event)).isTrue();
    }

    @Test
    void failedWorkRollsBackItsOwnWritesTogetherWithTheRecord() throws SQLException {
        UUID event = UUID.randomUUID();

        assertThatThrownBy(() -> processed.processOnce(category, event, tx -> {
                    bookIn(event, category).run(tx);
                    throw new IllegalStateException("after writing, before committing");
                }))
                .hasMessage("after writing, before committing");

        assertThat(ledgerRows(event)).isZero();
        assertThat(processed.isProcessed(category, event)).isFalse();
    }

    @Test
    void anEventRedeliveredAfterACrashBeforeTheAckIsProcessedZeroMoreTimes() throws SQLException {
        SubscriptionDefinition billing = SubscriptionDefinition.of(
                        category + "-billing", category, SubscriptionMode.EXCLUSIVE)
                .withVisibilityTimeout(Duration.ofSeconds(30));
        Topology topology = Topology.of(
                List.of(StreamDefinition.persistent(category).withSemantics(DeliverySemantics.EXACTLY_ONCE)), billing);
        Subscriptions subscriptions = EventStores.inMemorySubscriptions(
                engine, topology, new JpaOffsetStore(SCHEMA.entityManagerFactory()), clock);
        store.append(StreamId.of(category, "order-1"), ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1)));
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");

        Delivery first = consumer.poll(Duration.ZERO).orElseThrow();
        UUID event = first.event().eventId();
        assertThat(processed.processOnce(billing.name(), event, bookIn(event, billing.name())))
                .isTrue();
        // the process dies here: committed, never acknowledged
        clock.advance(Duration.ofSeconds(31));
        Delivery redelivered = consumer.poll(Duration.ZERO).orElseThrow();
        boolean ranAgain = processed.processOnce(billing.name(), event, bookIn(event, billing.name()));
        redelivered.ack();

        assertThat(redelivered.attempt()).isEqualTo(2);
        assertThat(ranAgain).isFalse();
        assertThat(ledgerRows(event)).isEqualTo(1);
        subscriptions.close();
    }
}
