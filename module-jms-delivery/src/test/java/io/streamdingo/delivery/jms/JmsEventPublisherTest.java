package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JMS-1 on a real Artemis broker: the relay's events arrive once, with their headers, even when republished. */
class JmsEventPublisherTest {

    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory connections;
    private JMSContext subscriber;
    private JMSConsumer orders;
    private final StoreEngine engine =
            EventStores.builder().register(ItemAdded.class).buildEngine();
    private final EventStore store = engine.store();
    private final Topology topology = Topology.of(List.of(StreamDefinition.persistent("orders")), List.of());
    private final OffsetStore offsets = EventStores.inMemoryOffsetStore();

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker(1);
        connections = broker.connectionFactory();
        subscriber = connections.createContext();
        subscriber.setClientID("test-subscriber");
        orders = subscriber.createDurableConsumer(subscriber.createTopic("streamdingo.orders"), "audit");
    }

    @AfterEach
    void stopBroker() throws Exception {
        subscriber.close();
        connections.close();
        broker.close();
    }

    private OutboxRelay running;

    /** A relay process: the one before it is gone (its lease given up, as it expires after a crash). */
    private OutboxRelay relay() {
        if (running != null) {
            running.stop();
        }
        running = EventStores.outboxRelay(engine, topology, new JmsEventPublisher(connections, "streamdingo"), offsets);
        return running;
    }

    @Test
    void aRelayedEventArrivesWithItsHeadersAndPayload() throws Exception {
        StreamId order = StreamId.of("orders", "o-1");
        store.append(
                order,
                ExpectedVersion.noStream(),
                NewEvent.of(new ItemAdded("sku-1", 2), EventMetadata.empty().withCorrelationId("checkout-7")));

        relay().publishPending();

        Message message = orders.receive(5_000);
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty(EventHeaders.EVENT_TYPE)).isEqualTo("tck.ItemAdded");
        assertThat(message.getIntProperty(EventHeaders.SCHEMA_VERSION)).isEqualTo(1);
        assertThat(message.getStringProperty(EventHeaders.STREAM)).isEqualTo("orders-o-1");
        assertThat(message.getLongProperty(EventHeaders.STREAM_VERSION)).isEqualTo(1);
        assertThat(message.getLongProperty(EventHeaders.GLOBAL_POSITION)).isPositive();
        assertThat(message.getStringProperty(EventHeaders.CORRELATION_ID)).isEqualTo("checkout-7");
        assertThat(message.getJMSCorrelationID()).isEqualTo("checkout-7");
        assertThat(message.getStringProperty(EventHeaders.DUPLICATE_ID))
                .isEqualTo(message.getStringProperty(EventHeaders.EVENT_ID));
        assertThat(new String(message.getBody(byte[].class), StandardCharsets.UTF_8))
                .isEqualTo("{\"quantity\":2,\"sku\":\"sku-1\"}");
    }

    @Test
    void eventsPublishedAgainAfterACrashAreDroppedByTheBroker() throws Exception {
        StreamId order = StreamId.of("orders", "o-2");
        store.append(order, ExpectedVersion.any(), NewEvent.all(new ItemAdded("a", 1), new ItemAdded("b", 2)));
        relay().publishPending();
        // a relay that crashed before saving its position publishes the same events again
        offsets.save(OutboxRelay.POSITIONS, "orders", 0);

        relay().publishPending();

        assertThat(arrivedVersions(order)).containsExactly(1L, 2L); // each once, in order
    }

    @Test
    void aBatchTheBrokerPartlyHoldsAlreadyIsCompleted() throws Exception {
        StreamId order = StreamId.of("orders", "o-4");
        store.append(order, ExpectedVersion.any(), NewEvent.of(new ItemAdded("a", 1)));
        relay().publishPending();
        store.append(order, ExpectedVersion.any(), NewEvent.of(new ItemAdded("b", 2)));
        // the relay crashed before saving its position: its next batch holds an event the broker has
        offsets.save(OutboxRelay.POSITIONS, "orders", 0);

        relay().publishPending();

        assertThat(arrivedVersions(order))
                .as("the held event once, then the new event of the batch")
                .containsExactly(1L, 2L);
    }

    /**
     * The stream versions of {@code stream}'s events that arrived, in arrival order, each checked against the
     * event id the store recorded for it; stops once nothing more comes for half a second.
     */
    private List<Long> arrivedVersions(StreamId stream) throws JMSException {
        Map<Long, UUID> recorded = new HashMap<>();
        try (Stream<RecordedEvent> events = store.read(stream)) {
            events.forEach(e -> recorded.put(e.streamVersion(), e.eventId()));
        }
        List<Long> versions = new ArrayList<>();
        for (Message message = orders.receive(2_000); message != null; message = orders.receive(500)) {
            long version = message.getLongProperty(EventHeaders.STREAM_VERSION);
            assertThat(message.getStringProperty(EventHeaders.STREAM)).isEqualTo(stream.toString());
            assertThat(message.getStringProperty(EventHeaders.EVENT_ID))
                    .as("event id of version %d", version)
                    .isEqualTo(String.valueOf(recorded.get(version)));
            versions.add(version);
        }
        return versions;
    }

    @Test
    void aBrokerThatIsDownFailsThePublishAndKeepsThePosition() throws Exception {
        store.append(StreamId.of("orders", "o-3"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("a", 1)));
        subscriber.close();
        broker.close();

        assertThatThrownBy(() -> relay().publishPending())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("publishes them again");
        assertThat(offsets.load(OutboxRelay.POSITIONS, "orders")).isEmpty(); // nothing confirmed, nothing moved
        broker = new EmbeddedBroker(1);
        subscriber = connections.createContext();
    }

    @Test
    void anInvalidAddressPrefixIsRefusedWithTheRule() {
        assertThatThrownBy(() -> new JmsEventPublisher(connections, "1 bad"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start with a letter");
    }
}
