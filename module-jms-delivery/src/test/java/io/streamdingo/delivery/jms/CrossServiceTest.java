package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.ConsumerPosition;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.PriceEvents;
import io.streamdingo.tck.events.PriceEvents.PriceSet;
import io.streamdingo.tck.events.PriceEvents.PriceSetV1;
import io.streamdingo.tck.events.PriceEvents.PriceSetV2;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JMS-3: a second service, with an event store of its own, consumes the first service's cross-service stream
 * through the broker alone, each subscription receiving the events upcast to the version it asks for.
 */
class CrossServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmbeddedBroker broker;
    /** The pricing service: appends prices (still in version 1) and relays them. */
    private EventStore pricing;

    private OutboxRelay pricingRelay;
    /** The shop service: its own store, knowing every version of the price event and the upcaster to 3. */
    private EventStore shop;

    private Subscriptions shopSubscriptions;

    private final SubscriptionDefinition legacyBilling = SubscriptionDefinition.of(
                    "billing-prices", "prices", SubscriptionMode.EXCLUSIVE)
            .receivingAs("tck.PriceSet", 2);
    private final SubscriptionDefinition catalogue =
            SubscriptionDefinition.of("catalogue-prices", "prices", SubscriptionMode.CONSUMER_GROUP);

    @BeforeEach
    void startServices() throws Exception {
        broker = new EmbeddedBroker(4);
        StoreEngine pricingEngine =
                EventStores.builder().register(PriceSetV1.class).buildEngine();
        pricing = pricingEngine.store();
        pricingRelay = broker.relay(
                pricingEngine,
                Topology.of(
                        List.of(StreamDefinition.persistent("prices").withScope(StreamScope.CROSS_SERVICE)), List.of()),
                "shared");

        StoreEngine shopEngine = EventStores.builder()
                .register(PriceSetV1.class, PriceSetV2.class, PriceSet.class, ItemAdded.class)
                .upcaster(PriceEvents.V2_TO_V3)
                .buildEngine();
        shop = shopEngine.store();
        Topology shopTopology = Topology.of(
                List.of(
                        StreamDefinition.persistent("prices").withScope(StreamScope.EXTERNAL),
                        StreamDefinition.persistent("carts")),
                List.of(legacyBilling, catalogue));
        shopSubscriptions = EventStores.subscriptions(
                shopEngine,
                shopTopology,
                EventStores.inMemoryOffsetStore(),
                Clock.systemUTC(),
                new JmsDeliveryTransport(broker.connectionFactory(), "shared"));
    }

    @AfterEach
    void stopServices() throws Exception {
        shopSubscriptions.close();
        pricing.close();
        shop.close();
        broker.close();
    }

    @Test
    void aSecondServiceReceivesTheFirstServicesEventsUpcastToTheVersionEachSubscriptionAsksFor() {
        // the shop's own store moves on independently: its positions mean nothing for the prices
        for (int i = 1; i <= 5; i++) {
            shop.append(StreamId.of("carts", "c1"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("c1", i)));
        }
        EventConsumer billing = shopSubscriptions.subscribe(legacyBilling.name(), "billing");
        EventConsumer products = shopSubscriptions.subscribe(catalogue.name(), "catalogue");
        pricing.append(
                StreamId.of("prices", "sku-1"), ExpectedVersion.any(), NewEvent.of(new PriceSetV1("sku-1", 250)));
        pricing.append(
                StreamId.of("prices", "sku-2"), ExpectedVersion.any(), NewEvent.of(new PriceSetV1("sku-2", 990)));

        pricingRelay.publishPending();

        List<Delivery> asked = receive(billing, 2);
        List<Delivery> newest = receive(products, 2);
        assertThat(asked)
                .extracting(d -> d.event().payload())
                .containsExactly(new PriceSetV2("sku-1", 250, "EUR"), new PriceSetV2("sku-2", 990, "EUR"));
        assertThat(newest).extracting(d -> d.event().payload()).allSatisfy(p -> assertThat(p)
                .isInstanceOf(PriceSet.class));
        assertThat(asked.get(1).event().globalPosition())
                .as("the pricing service's position")
                .isEqualTo(pricing.headPosition());
        assertThat(shopSubscriptions.positions(legacyBilling.name()))
                .extracting(ConsumerPosition::position, ConsumerPosition::lag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(pricing.headPosition(), 0L));
    }

    private static List<Delivery> receive(EventConsumer consumer, int count) {
        List<Delivery> received = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Optional<Delivery> next = consumer.poll(Duration.ofMillis(100));
            next.ifPresent(d -> {
                received.add(d);
                d.ack();
            });
        }
        return received;
    }
}
