package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.delivery.jms.cdi.JmsDeliveryProducer;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.engine.EventStoreCustomizer;
import io.streamdingo.engine.cdi.EventStoreProducer;
import io.streamdingo.engine.cdi.RelayScheduler;
import io.streamdingo.engine.cdi.StreamsProducer;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JMS-1 wired by CDI: an injected store's appends reach the broker through the relay, with no JMS code, at
 * once after their commit rather than at the relay's next poll.
 */
class InjectedRelayTest {

    private static final Map<String, String> CONFIG =
            Map.of("streamdingo.streams.relayed.type", "PERSISTENT", "streamdingo.relay.interval", "PT0.05S");

    private static EmbeddedBroker broker;

    /** The application's event types. */
    @ApplicationScoped
    static class ShopEvents implements EventStoreCustomizer {
        @Override
        public void customize(EventStoreBuilder builder) {
            builder.register(ItemAdded.class);
        }
    }

    /** The application's broker connection (in a server: the resource adapter's, from JNDI). */
    @ApplicationScoped
    static class Broker {
        @Produces
        ConnectionFactory connections() {
            return broker.connectionFactory();
        }
    }

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedBroker(2);
        CONFIG.forEach(System::setProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @AfterEach
    void stop() throws Exception {
        CONFIG.keySet().forEach(System::clearProperty);
        System.clearProperty("streamdingo.relay.lease-timeout");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        broker.close();
    }

    @Test
    void anAppendedEventReachesTheBrokerThroughTheScheduledRelay() throws Exception {
        Message message = appendAndReceive(10_000);

        assertThat(message).isNotNull();
        assertThat(message.getStringProperty(EventHeaders.STREAM)).isEqualTo("relayed-r-1");
    }

    @Test
    void aCommittedAppendWakesTheRelayWithoutWaitingForItsInterval() throws Exception {
        // given a relay that would poll only once a minute
        System.setProperty("streamdingo.relay.interval", "PT1M");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());

        // when an event is appended, then it is on the broker within a second
        assertThat(appendAndReceive(1_000)).isNotNull();
    }

    @Test
    void aRelayLeaseThatIsNotAPositiveDurationFailsTheStartNamingTheKey() {
        // given a lease timeout of zero
        System.setProperty("streamdingo.relay.lease-timeout", "PT0S");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());

        // when the application starts, then it fails, naming the key and what it needs
        assertThatThrownBy(() -> appendAndReceive(1_000))
                .hasStackTraceContaining("configuration key streamdingo.relay.lease-timeout has the value 'PT0S'")
                .hasStackTraceContaining("positive duration");
    }

    /** Starts the application, appends one event and waits up to {@code millis} for it on the topic. */
    private static Message appendAndReceive(long millis) throws Exception {
        try (JMSContext subscriber = broker.connectionFactory().createContext()) {
            subscriber.setClientID("injected");
            JMSConsumer relayed =
                    subscriber.createDurableConsumer(subscriber.createTopic("streamdingo.relayed"), "audit");
            try (WeldContainer container = new Weld()
                    .disableDiscovery()
                    .addBeanClasses(
                            EventStoreProducer.class,
                            StreamsProducer.class,
                            RelayScheduler.class,
                            JmsDeliveryProducer.class,
                            ShopEvents.class,
                            Broker.class)
                    .initialize()) {
                EventStore store = container.select(EventStore.class).get();
                store.append(
                        StreamId.of("relayed", "r-1"),
                        ExpectedVersion.noStream(),
                        NewEvent.of(new ItemAdded("sku", 3)));

                return relayed.receive(millis);
            }
        }
    }
}
