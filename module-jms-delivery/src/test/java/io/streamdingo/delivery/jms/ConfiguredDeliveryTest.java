package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plain Java without a container: the transport and the relay's publisher are found through
 * {@code ServiceLoader} when {@code streamdingo.jms.url} names a broker, and events go through it.
 */
class ConfiguredDeliveryTest {

    private final SubscriptionDefinition billing =
            SubscriptionDefinition.of("billing", "orders", SubscriptionMode.CONSUMER_GROUP);
    private final Topology topology = Topology.of(List.of(StreamDefinition.persistent("orders")), List.of(billing));
    private EmbeddedBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker(21, null, EmbeddedBroker.freePort());
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.close();
    }

    private Map<String, String> brokerSettings() {
        return Map.of("streamdingo.jms.url", broker.tcpUrl(), "streamdingo.jms.prefix", "configured");
    }

    private static java.util.function.Function<String, Optional<String>> lookup(Map<String, String> settings) {
        return key -> Optional.ofNullable(settings.get(key));
    }

    @Test
    void anEventReachesASubscriberThroughTheBrokerTheConfigurationNames() {
        StoreEngine engine = EventStores.builder().register(ItemAdded.class).buildEngine();
        try (DeliveryTransport transport = EventStores.configuredTransport(lookup(brokerSettings()))
                        .orElseThrow();
                EventPublisher publisher = EventStores.configuredPublisher(lookup(brokerSettings()))
                        .orElseThrow();
                Subscriptions subscriptions = EventStores.subscriptions(
                        engine,
                        topology,
                        EventStores.inMemoryOffsetStore(),
                        EventStores.inMemoryDeadLetterStore(),
                        Clock.systemUTC(),
                        transport,
                        "member-1")) {
            EventConsumer consumer = subscriptions.subscribe(billing.name(), "c-1");
            OutboxRelay relay = EventStores.outboxRelay(engine, topology, publisher, EventStores.inMemoryOffsetStore());
            engine.store()
                    .append(
                            StreamId.of("orders", "o-1"),
                            ExpectedVersion.noStream(),
                            NewEvent.of(new ItemAdded("sku", 7)));
            relay.publishPending();

            Optional<Delivery> delivered = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                delivered = consumer.poll(Duration.ofMillis(100));
            }

            assertThat(transport).isInstanceOf(JmsDeliveryTransport.class);
            assertThat(delivered).get().satisfies(delivery -> {
                assertThat(delivery.event().payload()).isEqualTo(new ItemAdded("sku", 7));
                delivery.ack();
            });
        }
    }

    @Test
    void withoutABrokerUrlNoTransportIsConfigured() {
        assertThat(EventStores.configuredTransport(lookup(Map.of()))).isEmpty();
        assertThat(EventStores.configuredPublisher(lookup(Map.of()))).isEmpty();
    }

    @Test
    void aMalformedReconnectDelayFailsNamingTheKey() {
        Map<String, String> settings =
                Map.of("streamdingo.jms.url", broker.tcpUrl(), "streamdingo.jms.reconnect-delay", "1 second");

        assertThatThrownBy(() -> EventStores.configuredTransport(lookup(settings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamdingo.jms.reconnect-delay")
                .hasMessageContaining("PT1S");
    }
}
