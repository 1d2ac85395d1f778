package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the transport does while its broker is down, for real (the broker is stopped), and once it is closed. */
class JmsTransportOutageTest {

    private final StreamDefinition pings = StreamDefinition.ephemeral("pings");
    private final StoredEvent ping = StoredEvents.any("pings");

    @Test
    void anEphemeralMessageSentWhileTheBrokerIsDownFailsSayingItWasNotSent() throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(12);
        try (JmsDeliveryTransport transport = new JmsDeliveryTransport(broker.connectionFactory(), "sd")) {
            broker.close();

            assertThatThrownBy(() -> transport.send(pings, ping))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not send a message of ephemeral stream pings to the broker")
                    .hasMessageContaining("it was not sent, try again");
        }
    }

    @Test
    void declaringWhileTheBrokerIsDownDoesNotFailTheStart() throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(13);
        Topology topology = Topology.of(
                List.of(StreamDefinition.persistent("orders")),
                List.of(SubscriptionDefinition.of("audit", "orders", SubscriptionMode.EXCLUSIVE)));
        try (JmsDeliveryTransport transport = new JmsDeliveryTransport(broker.connectionFactory(), "sd")) {
            broker.close();

            assertThatCode(() -> transport.declare(topology)).doesNotThrowAnyException();
        }
    }

    @Test
    void aClosedTransportRefusesToSend() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(14)) {
            JmsDeliveryTransport transport = new JmsDeliveryTransport(broker.connectionFactory(), "sd");
            transport.close();

            assertThatThrownBy(() -> transport.send(pings, ping))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the Jakarta Messaging transport is closed");
            assertThat(transport.connected()).isTrue(); // no channel left to be disconnected
        }
    }
}
