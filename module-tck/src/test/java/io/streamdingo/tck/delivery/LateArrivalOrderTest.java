package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.InMemoryBroker;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.store.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer-group member's stream stays in order when the broker gives it some of the stream's messages only
 * after it has read past them — what happens when another member dies holding them and the broker returns
 * them while the survivor's read has moved on: those arrive <em>late</em>, and must still wait for the
 * stream's earlier events that the survivor read before. The broker is the in-memory one behind a gate that
 * decides when the engine sees each message.
 */
class LateArrivalOrderTest {

    private static final StreamDefinition CARTS = StreamDefinition.persistent("cart");
    private static final SubscriptionDefinition PICKING =
            SubscriptionDefinition.of("picking", "cart", SubscriptionMode.CONSUMER_GROUP);
    private static final Topology TOPOLOGY = Topology.of(List.of(CARTS), List.of(PICKING));

    private final InMemoryBroker broker = EventStores.inMemoryBroker();
    private final GatedTransport gate = new GatedTransport(broker);
    private StoreEngine engine;
    private EventStore store;
    private OutboxRelay relay;
    private Subscriptions subscriptions;

    @BeforeEach
    void start() {
        engine = EventStores.builder()
                .backend(EventStores.inMemoryBackend())
                .register(ItemAdded.class)
                .clock(TestClock.startingNow())
                .buildEngine();
        store = engine.store();
        relay = EventStores.outboxRelay(engine, TOPOLOGY, broker, EventStores.inMemoryOffsetStore());
        subscriptions = EventStores.subscriptions(
                engine, TOPOLOGY, EventStores.inMemoryOffsetStore(), TestClock.startingNow(), gate, "survivor");
    }

    @AfterEach
    void stop() {
        subscriptions.close();
        relay.stop();
    }

    @Test
    void aStreamsLateMessagesWaitForItsEarlierEventsReadBeforeThem() {
        // given the survivor's consumer, and four events of one cart followed by one of another cart
        EventConsumer consumer = subscriptions.subscribe(PICKING.name(), "picker");
        assertThat(consumer.poll(Duration.ZERO)).isEmpty(); // connected: what comes next comes from the broker
        StreamId cart = StreamId.of("cart", "c1");
        StreamId other = StreamId.of("cart", "c2");
        append(cart, 4);
        append(other, 1);
        relay.publishPending();

        // when the first two of the cart's messages and the other cart's reach it, and it reads them
        gate.release(message -> message.streamId().equals(other) || message.streamVersion() <= 2);
        Delivery first = consumer.poll(Duration.ofSeconds(1)).orElseThrow();
        // and the cart's last two come only after that read, below the position it has read up to
        gate.release(message -> true);
        first.ack();

        // then the cart's events are delivered in their order all the same
        assertThat(first.event().streamVersion()).isEqualTo(1);
        assertThat(versionsOf(cart, consumer, 3)).containsExactly(2L, 3L, 4L);
    }

    private void append(StreamId stream, int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(NewEvent.of(new ItemAdded(stream.id(), i)));
        }
        store.append(stream, ExpectedVersion.any(), events);
    }

    private static List<Long> versionsOf(StreamId stream, EventConsumer consumer, int count) {
        List<Long> versions = new ArrayList<>();
        for (int polls = 0; versions.size() < count && polls < 100; polls++) {
            Optional<Delivery> next = consumer.poll(Duration.ofMillis(20));
            next.ifPresent(delivery -> {
                if (delivery.event().streamId().equals(stream)) {
                    versions.add(delivery.event().streamVersion());
                }
                delivery.ack();
            });
        }
        return versions;
    }

    /** The broker, with every channel's arrivals held back until the test releases them. */
    private static final class GatedTransport implements DeliveryTransport {

        private final DeliveryTransport broker;
        private final List<GatedChannel> channels = new ArrayList<>();

        GatedTransport(DeliveryTransport broker) {
            this.broker = broker;
        }

        synchronized void release(Predicate<StoredEvent> which) {
            channels.forEach(channel -> channel.release(which));
        }

        @Override
        public void declare(Topology topology) {
            broker.declare(topology);
        }

        @Override
        public synchronized TransportChannel open(SubscriptionDefinition subscription, String consumerKey) {
            GatedChannel channel = new GatedChannel(broker.open(subscription, consumerKey));
            channels.add(channel);
            return channel;
        }

        @Override
        public void send(StreamDefinition stream, StoredEvent message) {
            broker.send(stream, message);
        }

        @Override
        public boolean connected() {
            return broker.connected();
        }

        @Override
        public void close() {
            broker.close();
        }
    }

    private static final class GatedChannel implements TransportChannel {

        private final TransportChannel channel;
        private final List<StoredEvent> held = new ArrayList<>();
        private final List<StoredEvent> released = new ArrayList<>();

        GatedChannel(TransportChannel channel) {
            this.channel = channel;
        }

        synchronized void release(Predicate<StoredEvent> which) {
            held.addAll(channel.arrived());
            held.removeIf(message -> which.test(message) && released.add(message));
        }

        @Override
        public synchronized List<StoredEvent> arrived() {
            held.addAll(channel.arrived());
            List<StoredEvent> out = new ArrayList<>(released);
            released.clear();
            return out;
        }

        @Override
        public void acknowledge(StoredEvent message) {
            channel.acknowledge(message);
        }

        @Override
        public long connections() {
            return channel.connections();
        }

        @Override
        public void close() {
            channel.close();
        }
    }
}
