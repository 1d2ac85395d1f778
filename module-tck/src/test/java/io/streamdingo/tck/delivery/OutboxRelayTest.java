package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** JMS-1: the store is the outbox; the relay publishes each persistent event once, in order, and resumes. */
class OutboxRelayTest {

    /** A publisher that keeps what it was given, and can be told to fail. */
    static final class RecordingPublisher implements EventPublisher {
        final List<StoredEvent> published = new ArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public void publish(String category, List<StoredEvent> events) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("broker down");
            }
            assertThat(events)
                    .allSatisfy(e -> assertThat(e.streamId().category()).isEqualTo(category));
            published.addAll(events);
        }

        @Override
        public void close() {}
    }

    private final EventStoreBackend backend = EventStores.inMemoryBackend();
    private final StoreEngine engine =
            EventStores.builder().backend(backend).register(ItemAdded.class).buildEngine();
    private final EventStore store = engine.store();
    private final Topology topology = Topology.of(List.of(StreamDefinition.persistent("orders")), List.of());
    private final OffsetStore offsets = EventStores.inMemoryOffsetStore();

    private void add(String category, String id, int quantity) {
        store.append(
                StreamId.of(category, id),
                ExpectedVersion.any(),
                NewEvent.of(
                        new ItemAdded("sku", quantity), EventMetadata.empty().withCorrelationId("order-" + id)));
    }

    @Test
    void eachPersistentEventIsPublishedOnceInGlobalOrderWithItsEnvelope() {
        RecordingPublisher publisher = new RecordingPublisher();
        OutboxRelay relay = EventStores.outboxRelay(engine, topology, publisher, offsets);
        add("orders", "1", 1);
        add("invoices", "9", 9);
        add("orders", "2", 2);

        assertThat(relay.publishPending()).isEqualTo(2);
        assertThat(relay.publishPending()).isZero();

        assertThat(publisher.published).extracting(e -> e.streamId().id()).containsExactly("1", "2");
        StoredEvent first = publisher.published.get(0);
        assertThat(first.eventType()).isEqualTo("tck.ItemAdded");
        assertThat(first.metadata().correlationId()).isEqualTo("order-1");
        assertThat(first.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void aRestartedRelayResumesAfterTheLastConfirmedBatch() {
        RecordingPublisher before = new RecordingPublisher();
        OutboxRelay first = EventStores.outboxRelay(engine, topology, before, offsets);
        add("orders", "1", 1);
        first.publishPending();
        first.stop();
        add("orders", "2", 2);

        RecordingPublisher after = new RecordingPublisher();
        EventStores.outboxRelay(engine, topology, after, offsets).publishPending();

        assertThat(after.published).extracting(e -> e.streamId().id()).containsExactly("2");
    }

    @Test
    void aBatchTheBrokerDidNotConfirmIsPublishedAgain() {
        RecordingPublisher publisher = new RecordingPublisher();
        OutboxRelay relay = EventStores.outboxRelay(engine, topology, publisher, offsets);
        add("orders", "1", 1);
        publisher.failuresLeft.set(1);

        assertThatThrownBy(relay::publishPending).hasMessage("broker down");
        relay.publishPending();

        assertThat(publisher.published).extracting(e -> e.streamId().id()).containsExactly("1");
    }

    @Test
    void onlyOneOfTwoRelaysPublishesAndTheOtherTakesOverWhenItStops() {
        RecordingPublisher one = new RecordingPublisher();
        RecordingPublisher two = new RecordingPublisher();
        OutboxRelay first = EventStores.outboxRelay(engine, topology, one, offsets);
        OutboxRelay second = EventStores.outboxRelay(
                EventStores.builder().backend(backend).register(ItemAdded.class).buildEngine(), topology, two, offsets);
        add("orders", "1", 1);
        first.publishPending();
        add("orders", "2", 2);

        assertThat(second.publishPending()).isZero();
        first.stop();
        assertThat(second.publishPending()).isEqualTo(1);

        assertThat(one.published).extracting(e -> e.streamId().id()).containsExactly("1");
        assertThat(two.published).extracting(e -> e.streamId().id()).containsExactly("2");
    }
}
