package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.RetryPolicy;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JMS-2, ST-4 for what the broker redelivers itself (a message-driven bean's rollback): declaring the
 * topology gives each stream's address a dead-letter address, an expiry address and redelivery with backoff
 * from its subscriptions' retry policy.
 */
class BrokerSettingsTest {

    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1));

    private EmbeddedBroker broker;
    private final SubscriptionDefinition billing = SubscriptionDefinition.of(
                    "billing", "orders", SubscriptionMode.CONSUMER_GROUP)
            .withRetry(RETRY);
    private final Topology topology = Topology.of(List.of(StreamDefinition.persistent("orders")), List.of(billing));

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker(5);
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void declaringTheTopologySetsTheStreamAddressFromItsSubscriptionsRetryPolicy() {
        try (JmsDeliveryTransport transport = new JmsDeliveryTransport(broker.connectionFactory(), "sd")) {
            transport.declare(topology);
        }

        AddressSettings settings =
                broker.server().getAddressSettingsRepository().getMatch("sd.orders");
        assertThat(settings.getDeadLetterAddress().toString()).isEqualTo("sd.dead-letters");
        assertThat(settings.getExpiryAddress().toString()).isEqualTo("sd.expired");
        assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(3);
        assertThat(settings.getRedeliveryDelay()).isEqualTo(100);
        assertThat(settings.getRedeliveryMultiplier()).isEqualTo(2.0);
        assertThat(settings.getMaxRedeliveryDelay()).isEqualTo(1_000);
    }

    @Test
    void aMessageARollingBackConsumerNeverProcessesEndsInTheDeadLetterQueueAfterTheLastAttempt() throws Exception {
        StoreEngine engine = EventStores.builder().register(ItemAdded.class).buildEngine();
        EventStore store = engine.store();
        try (JmsDeliveryTransport transport = new JmsDeliveryTransport(broker.connectionFactory(), "sd")) {
            transport.declare(topology);
        }
        store.append(StreamId.of("orders", "o-1"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("o-1", 1)));
        broker.relay(engine, topology, "sd").publishPending();

        int attempts = 0;
        // as a message-driven bean whose transaction rolls back every time
        try (JMSContext mdb = broker.connectionFactory().createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSConsumer queue = mdb.createSharedDurableConsumer(mdb.createTopic("sd.orders"), "sd.billing");
            for (Message message = queue.receive(3_000); message != null; message = queue.receive(3_000)) {
                attempts++;
                mdb.rollback();
            }
        }
        assertThat(attempts).isEqualTo(3);
        try (JMSContext operator = broker.connectionFactory().createContext()) {
            Message dead = operator.createConsumer(operator.createQueue("sd.dead-letters::DLQ.sd.orders"))
                    .receive(3_000);
            assertThat(dead).isNotNull();
            assertThat(dead.getStringProperty(EventHeaders.STREAM)).isEqualTo("orders-o-1");
        }
    }
}
