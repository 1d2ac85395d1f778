package io.streamdingo.delivery.jms;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.ConsumerClosedException;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StaleDeliveryException;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.JpaOffsetStore;
import io.streamdingo.store.jpa.JpaProcessedEvents;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One process of a consumer group, started by {@link ConsumerGroupProcessKillTest} as a JVM of its own: it
 * consumes the exactly-once and the at-least-once subscription of {@link GroupRun} and books every event it
 * processes into the run's ledger table (in the exactly-once transaction for the first). It runs until it is
 * killed.
 *
 * <p>Arguments: the run's JDBC URL, the broker's TCP URL ({@code none} for the delivery straight from the
 * store), the run's name, this member's name, the run's subscription mode.
 */
public final class ConsumerGroupMember {

    private ConsumerGroupMember() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String broker = args[1];
        GroupRun run = new GroupRun(args[2], io.streamdingo.api.streams.SubscriptionMode.valueOf(args[4]));
        String member = args[3];
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(
                "streamdingo-fault", Map.of("jakarta.persistence.jdbc.url", url));
        StoreEngine engine = EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(ItemAdded.class)
                .buildEngine();
        OffsetStore offsets = new JpaOffsetStore(emf);
        ProcessedEvents processed = new JpaProcessedEvents(emf, Clock.systemUTC());
        Subscriptions subscriptions = broker.equals("none")
                ? EventStores.inMemorySubscriptions(engine, run.topology(), offsets, Clock.systemUTC())
                : EventStores.subscriptions(
                        engine,
                        run.topology(),
                        offsets,
                        Clock.systemUTC(),
                        new JmsDeliveryTransport(
                                new ActiveMQConnectionFactory(broker),
                                run.prefix(),
                                Duration.ofMillis(200),
                                Thread::new),
                        member);
        EventConsumer exactly = subscriptions.subscribe(run.exactlyOnce().name(), member);
        EventConsumer atLeast = subscriptions.subscribe(run.atLeastOnce().name(), member);
        Connection autocommit = DriverManager.getConnection(url, "postgres", "");
        Thread booking = new Thread(() ->
                consume(atLeast, delivery -> book(autocommit, run.atLeastOnce().name(), delivery.event(), member)));
        booking.start();
        consume(
                exactly,
                delivery -> processed.processOnce(
                        run.exactlyOnce().name(),
                        delivery.event().eventId(),
                        tx -> book(
                                tx.unwrap(Connection.class), run.exactlyOnce().name(), delivery.event(), member)));
    }

    private interface Work {
        void process(Delivery delivery) throws Exception;
    }

    private static void consume(EventConsumer consumer, Work work) {
        System.out.println("consuming " + consumer.consumerId());
        while (true) {
            try {
                var next = consumer.poll(Duration.ofMillis(200));
                if (next.isPresent()) {
                    work.process(next.get());
                    next.get().ack();
                }
            } catch (ConsumerClosedException closed) {
                return;
            } catch (StaleDeliveryException stale) {
                // another attempt has it
            } catch (Exception e) {
                e.printStackTrace(); // the next poll tries again; the test counts what was booked
            }
        }
    }

    static void book(Connection connection, String subscription, RecordedEvent event, String member)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO group_ledger"
                + " (subscription, event_id, stream, version, member) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, subscription);
            insert.setObject(2, event.eventId());
            insert.setString(3, event.streamId().toString());
            insert.setLong(4, event.streamVersion());
            insert.setString(5, member);
            insert.executeUpdate();
        }
    }
}
