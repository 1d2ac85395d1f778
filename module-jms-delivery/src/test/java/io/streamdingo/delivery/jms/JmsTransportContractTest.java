package io.streamdingo.delivery.jms;

import io.streamdingo.tck.delivery.TransportContract;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transport contract over a real Artemis broker (embedded), each test under a prefix of its own. */
class JmsTransportContractTest extends TransportContract {

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedBroker(12);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Override
    protected Broker newBroker() {
        String prefix = "tc" + UUID.randomUUID().toString().substring(0, 8);
        return new Broker(
                new JmsDeliveryTransport(broker.connectionFactory(), prefix, Duration.ofMillis(200), Thread::new),
                new JmsEventPublisher(broker.connectionFactory(), prefix));
    }
}
