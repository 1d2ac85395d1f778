package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow control: a backlog stays in the broker; a channel holds a bounded number of unacknowledged messages. */
class JmsChannelTest {

    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker(6);
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void aChannelHoldsAtMostItsLimitOfUnacknowledgedMessagesAndTakesMoreAsItAcknowledges() throws Exception {
        SubscriptionDefinition audit = SubscriptionDefinition.of("audit", "orders", SubscriptionMode.EXCLUSIVE);
        Topology topology = Topology.of(List.of(StreamDefinition.persistent("orders")), List.of(audit));
        StoreEngine engine = EventStores.builder().register(ItemAdded.class).buildEngine();
        EventStore store = engine.store();
        for (int i = 0; i < JmsChannel.MAX_HELD + 100; i++) {
            store.append(
                    StreamId.of("orders", "o" + (i % 50)), ExpectedVersion.any(), NewEvent.of(new ItemAdded("o", i)));
        }
        try (JmsDeliveryTransport transport = new JmsDeliveryTransport(broker.connectionFactory(), "sd")) {
            transport.declare(topology);
            broker.relay(engine, topology, "sd").publishPending();
            TransportChannel channel = transport.open(audit, audit.name());

            List<StoredEvent> held = collect(channel, 3_000);
            assertThat(held).hasSize(JmsChannel.MAX_HELD);

            held.subList(0, 100).forEach(channel::acknowledge);
            assertThat(collect(channel, 3_000)).hasSize(100);
        }
    }

    /** What arrives within {@code millis}. */
    private static List<StoredEvent> collect(TransportChannel channel, long millis) throws InterruptedException {
        List<StoredEvent> arrived = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            arrived.addAll(channel.arrived());
            Thread.sleep(20);
        }
        return arrived;
    }
}
