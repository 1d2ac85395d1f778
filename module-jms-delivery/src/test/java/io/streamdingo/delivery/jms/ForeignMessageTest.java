package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that outlived its database (reset or restored) still holds messages of the old store, whose
 * positions run beyond the new store's head: they must not pass for this store's events, nor move the
 * subscription's position past events the new store has yet to publish.
 */
class ForeignMessageTest {

    private final SubscriptionDefinition audit =
            SubscriptionDefinition.of("audit", "orders", SubscriptionMode.EXCLUSIVE);
    private final Topology topology = Topology.of(List.of(StreamDefinition.persistent("orders")), List.of(audit));
    private EmbeddedBroker broker;
    private final java.util.Map<StoreEngine, io.streamdingo.engine.relay.OutboxRelay> relays =
            new java.util.IdentityHashMap<>();

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker(8);
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void messagesPositionedBeyondThisStoresHeadAreDroppedAndThisStoresNextEventStillArrives() {
        StoreEngine oldDatabase =
                EventStores.builder().register(ItemAdded.class).buildEngine();
        StoreEngine database = EventStores.builder().register(ItemAdded.class).buildEngine();
        add(database, 1, 2);
        try (Subscriptions subscriptions = EventStores.subscriptions(
                database,
                topology,
                EventStores.inMemoryOffsetStore(),
                Clock.systemUTC(),
                new JmsDeliveryTransport(broker.connectionFactory(), "sd"))) {
            EventConsumer consumer = subscriptions.subscribe(audit.name(), "c");
            relay(database);
            assertThat(receive(consumer, 2, Duration.ofSeconds(5))).containsExactly(1, 2);

            add(oldDatabase, 101, 102, 103, 104, 105);
            relay(oldDatabase); // positions 1 to 5: beyond this store's head of 2
            assertThat(receive(consumer, 1, Duration.ofSeconds(1))).isEmpty();

            add(database, 3);
            relay(database);
            assertThat(receive(consumer, 1, Duration.ofSeconds(5))).containsExactly(3);
        }
    }

    @Test
    void aMessageWithAMalformedPropertyIsAcknowledgedWithAWarningAndTheEventsBehindItArrive() throws Exception {
        StoreEngine database = EventStores.builder().register(ItemAdded.class).buildEngine();
        JmsDeliveryTransport transport = new JmsDeliveryTransport(broker.connectionFactory(), "sd");
        try (Subscriptions subscriptions = EventStores.subscriptions(
                database, topology, EventStores.inMemoryOffsetStore(), Clock.systemUTC(), transport)) {
            EventConsumer consumer = subscriptions.subscribe(audit.name(), "c");
            add(database, 1);
            relay(database);
            assertThat(receive(consumer, 1, Duration.ofSeconds(5))).containsExactly(1);

            // a message that looks like an event, but its stream version is a boolean: reading it fails with a
            // MessageFormatException, which is about this message, not about the connection
            try (jakarta.jms.JMSContext context = broker.connectionFactory().createContext()) {
                jakarta.jms.BytesMessage poison =
                        EventMessages.write(context.createBytesMessage(), StoredEvents.any("orders"));
                poison.setBooleanProperty(EventHeaders.STREAM_VERSION, true);
                context.createProducer().send(context.createTopic("sd.orders"), poison);
            }
            add(database, 2, 3);
            relay(database);

            assertThat(receive(consumer, 2, Duration.ofSeconds(5))).containsExactly(2, 3);
            assertThat(transport.connected()).isTrue();
        }
    }

    private static void add(StoreEngine engine, int... quantities) {
        for (int quantity : quantities) {
            engine.store()
                    .append(
                            StreamId.of("orders", "o-1"),
                            ExpectedVersion.any(),
                            NewEvent.of(new ItemAdded("o-1", quantity)));
        }
    }

    /** Publishes what {@code engine}'s store holds that was not published yet, as its (one) relay. */
    private void relay(StoreEngine engine) {
        relays.computeIfAbsent(engine, s -> broker.relay(s, topology, "sd")).publishPending();
    }

    private static List<Integer> receive(EventConsumer consumer, int count, Duration within) {
        List<Integer> received = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Optional<Delivery> next = consumer.poll(Duration.ofMillis(50));
            next.ifPresent(d -> {
                received.add(((ItemAdded) d.event().payload()).quantity());
                d.ack();
            });
        }
        return received;
    }
}
