package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event travels through the broker as a bytes message and comes back whole; what a message-driven bean
 * reads with {@link MessageEvents} is the application's event; anything else is refused, saying why.
 */
class EventMessagesTest {

    private EmbeddedBroker broker;
    private JMSContext context;
    private Queue queue;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedBroker(11);
        context = broker.connectionFactory().createContext();
        queue = context.createQueue("event-messages");
    }

    @AfterEach
    void stopBroker() throws Exception {
        context.close();
        broker.close();
    }

    /** Sends {@code message} through the broker and receives it back. */
    private Message throughTheBroker(Message message) {
        context.createProducer().send(queue, message);
        try (JMSConsumer consumer = context.createConsumer(queue)) {
            Message received = consumer.receive(5_000);
            assertThat(received).as("the message came back").isNotNull();
            return received;
        }
    }

    @Test
    void anEventWithEveryMetadataFieldComesBackWhole() throws Exception {
        EventMetadata metadata = new EventMetadata(
                "order-7",
                "command-3",
                "ada",
                "tenant-1",
                "eu",
                Map.of("trace id", "a=b&c", "ünïcode", "ö", "empty", ""));
        StoredEvent sent = new StoredEvent(
                UUID.randomUUID(),
                StreamId.of("orders", "o-1"),
                3,
                42,
                "tck.ItemAdded",
                2,
                Instant.parse("2026-11-30T10:15:30.123456Z"),
                metadata,
                "{\"quantity\":1,\"sku\":\"a\"}".getBytes(StandardCharsets.UTF_8),
                "ab12");

        StoredEvent received =
                EventMessages.read(throughTheBroker(EventMessages.write(context.createBytesMessage(), sent)));

        assertThat(received)
                .usingRecursiveComparison()
                .ignoringFields("payload")
                .isEqualTo(sent);
        assertThat(received.payload()).isEqualTo(sent.payload());
    }

    @Test
    void aTracedEventCarriesItsTraceContextUnderTheStandardPropertyNames() throws Exception {
        // given an event whose append was traced
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventMetadata metadata =
                EventMetadata.empty().withHeader("traceparent", traceparent).withHeader("tracestate", "vendor=x");
        StoredEvent sent = new StoredEvent(
                UUID.randomUUID(),
                StreamId.of("orders", "o-3"),
                1,
                7,
                "tck.ItemAdded",
                1,
                Instant.parse("2026-11-30T10:15:30Z"),
                metadata,
                "{}".getBytes(StandardCharsets.UTF_8),
                "cd34");

        // when it goes through the broker
        Message received = throughTheBroker(EventMessages.write(context.createBytesMessage(), sent));

        // then any JMS consumer finds the trace where OpenTelemetry looks, and the event still comes back whole
        assertThat(received.getStringProperty("traceparent")).isEqualTo(traceparent);
        assertThat(received.getStringProperty("tracestate")).isEqualTo("vendor=x");
        assertThat(EventMessages.read(received).metadata()).isEqualTo(metadata);
    }

    @Test
    void aMessageDrivenBeanReadsARelayedMessageAsTheApplicationsEvent() throws Exception {
        StoreEngine engine = EventStores.builder().register(ItemAdded.class).buildEngine();
        StreamId order = StreamId.of("orders", "o-2");
        engine.store().append(order, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("sku-9", 4)));
        try (JMSContext mdbContext = broker.connectionFactory().createContext()) {
            mdbContext.setClientID("mdb");
            JMSConsumer mdb = mdbContext.createDurableConsumer(mdbContext.createTopic("sd.orders"), "audit");
            broker.relay(engine, Topology.of(List.of(StreamDefinition.persistent("orders")), List.of()), "sd")
                    .publishPending();

            Message message = mdb.receive(5_000);
            List<RecordedEvent> events = new MessageEvents(engine.decoder()).read(message);

            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.payload()).isEqualTo(new ItemAdded("sku-9", 4));
                assertThat(event.streamId()).isEqualTo(order);
                assertThat(event.eventId()).isEqualTo(MessageEvents.eventId(message));
            });
        } finally {
            engine.close();
        }
    }

    @Test
    void aMessageThatIsNotABytesMessageIsRefused() {
        Message text = throughTheBroker(context.createTextMessage("{}"));

        assertThatThrownBy(() -> EventMessages.read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an event: StreamDingo events are bytes messages");
    }

    @Test
    void aMessageWithoutStreamDingoPropertiesIsRefusedNamingTheMissingOne() throws Exception {
        BytesMessage foreign = context.createBytesMessage();
        foreign.writeBytes(new byte[] {1, 2});
        foreign.setStringProperty(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        Message received = throughTheBroker(foreign);

        assertThatThrownBy(() -> EventMessages.read(received))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no property " + EventHeaders.STREAM)
                .hasMessageContaining("not published by StreamDingo");
        assertThatThrownBy(() -> MessageEvents.eventId(context.createBytesMessage()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no property " + EventHeaders.EVENT_ID);
    }

    @Test
    void malformedPropertiesAreRefusedNamingTheProblem() throws Exception {
        BytesMessage badTime = EventMessages.write(context.createBytesMessage(), StoredEvents.any("orders"));
        badTime.setStringProperty(EventHeaders.RECORDED_AT, "yesterday");
        BytesMessage badHeaders = EventMessages.write(context.createBytesMessage(), StoredEvents.any("orders"));
        badHeaders.setStringProperty(EventHeaders.HEADERS, "no-equals-sign");

        assertThatThrownBy(() -> EventMessages.read(throughTheBroker(badTime)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed StreamDingo property");
        assertThatThrownBy(() -> EventMessages.read(throughTheBroker(badHeaders)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header list 'no-equals-sign' is malformed");
    }
}
