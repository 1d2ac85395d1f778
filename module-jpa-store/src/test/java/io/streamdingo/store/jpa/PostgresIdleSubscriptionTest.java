package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An idle subscription costs the database little: with nothing to deliver, a consumer polling without a
 * pause reads the store at most once per 100 ms (counted as the statements its data source prepares).
 */
class PostgresIdleSubscriptionTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    @Test
    void anIdleSubscriptionQueriesTheDatabaseAtMostOncePerHundredMilliseconds() throws Exception {
        AtomicLong statements = new AtomicLong();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(
                "streamdingo-test",
                Map.of(
                        "jakarta.persistence.nonJtaDataSource",
                        CountingDataSource.counting(SCHEMA.dataSource(), statements)));
        try (StoreEngine engine = EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(ItemAdded.class)
                .buildEngine()) {
            EventStore store = engine.store();
            Topology topology = Topology.of(
                    List.of(StreamDefinition.persistent("idle_orders")),
                    List.of(SubscriptionDefinition.of("idle-billing", "idle_orders", SubscriptionMode.EXCLUSIVE)));
            for (int i = 0; i < 5; i++) {
                store.append(
                        StreamId.of("idle_orders", "o-" + i),
                        ExpectedVersion.any(),
                        NewEvent.of(new ItemAdded("s", i)));
            }
            Subscriptions subscriptions =
                    EventStores.inMemorySubscriptions(engine, topology, new JpaOffsetStore(emf), Clock.systemUTC());
            EventConsumer consumer = subscriptions.subscribe("idle-billing", "billing");
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofSeconds(5)).orElseThrow().ack();
            }

            statements.set(0);
            long idleUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long polls = 0;
            while (System.nanoTime() < idleUntil) {
                Optional<Delivery> nothing = consumer.poll(Duration.ofMillis(200));
                assertThat(nothing).isEmpty();
                polls++;
            }
            long issued = statements.get();
            System.out.printf("idle subscription: %d statements in 10 s over %d polls%n", issued, polls);

            assertThat(issued).as("statements in 10 s of idling").isLessThanOrEqualTo(105);
            subscriptions.close();
        } finally {
            emf.close();
        }
    }
}
