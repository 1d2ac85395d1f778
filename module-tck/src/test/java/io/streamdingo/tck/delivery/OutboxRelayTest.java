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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** JMS-1: the store is the outbox; the relay publishes each persistent event once, in order, and resumes. */
class OutboxRelayTest {

    /** A publisher that keeps what it was given, and can be told to fail. */
    static class RecordingPublisher implements EventPublisher {
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

    /** A publisher that takes its time over every batch, and says when the first one was published. */
    static final class SlowPublisher extends RecordingPublisher {
        final CountDownLatch firstBatch = new CountDownLatch(1);
        private final long millisPerBatch;

        SlowPublisher(long millisPerBatch) {
            this.millisPerBatch = millisPerBatch;
        }

        @Override
        public void publish(String category, List<StoredEvent> events) {
            super.publish(category, events);
            firstBatch.countDown();
            pause(millisPerBatch);
        }
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

    @Test
    void theRowsOneRunReadsStayBoundedAsHistoryGrowsWithABusyAndAnIdleCategory() {
        AtomicLong rowsRead = new AtomicLong();
        EventStoreBackend counting = countingReads(backend, rowsRead);
        StoreEngine countingEngine = EventStores.builder()
                .backend(counting)
                .register(ItemAdded.class)
                .buildEngine();
        Topology two = Topology.of(
                List.of(StreamDefinition.persistent("orders"), StreamDefinition.persistent("refunds")), List.of());
        OutboxRelay relay = EventStores.outboxRelay(countingEngine, two, new RecordingPublisher(), offsets);
        add("refunds", "r-1", 1); // the idle category's only event, at the start of history
        List<Long> perRun = new ArrayList<>();

        for (int run = 0; run < 20; run++) {
            for (int i = 0; i < 50; i++) {
                add("orders", "o-" + run, i);
            }
            rowsRead.set(0);
            relay.publishPending();
            perRun.add(rowsRead.get());
        }

        // each run reads the 50 new events (and the idle category's one at most once), never the history
        assertThat(perRun).allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(51));
        assertThat(offsets.load(OutboxRelay.POSITIONS, "refunds").orElse(0))
                .as("the idle category's position follows the head")
                .isEqualTo(store.headPosition());
    }

    @Test
    void anAppendToACategoryTheRelayDoesNotPublishDoesNotWakeIt() {
        OutboxRelay relay = EventStores.outboxRelay(engine, topology, new RecordingPublisher(), offsets);
        AtomicInteger wakes = new AtomicInteger();
        relay.wakeOnAppend(wakes::incrementAndGet);

        add("elsewhere", "e-1", 1);
        add("orders", "o-1", 1);

        assertThat(wakes.get()).isEqualTo(1);
    }

    @Test
    void anAppendNotYetReadableWhenItWakesTheRelayIsPublishedByThatRunShortlyAfter() {
        AtomicLong settledUpTo = new AtomicLong();
        AtomicInteger unsettledReads = new AtomicInteger();
        StoreEngine settling = EventStores.builder()
                .backend(settlingLate(backend, settledUpTo, unsettledReads))
                .register(ItemAdded.class)
                .buildEngine();
        RecordingPublisher published = new RecordingPublisher();
        OutboxRelay relay = EventStores.outboxRelay(settling, topology, published, offsets);
        relay.wakeOnAppend(() -> {});
        settledUpTo.set(store.headPosition());
        unsettledReads.set(2); // the first run's two looks at the head, as if an older transaction were still open

        settling.store()
                .append(StreamId.of("orders", "o-1"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku-1", 1)));
        relay.publishPending();

        assertThat(published.published).hasSize(1);
    }

    @Test
    void runsWellWithinTheLeaseDoNotRenewItEachTime() {
        AtomicLong renewals = new AtomicLong();
        StoreEngine observed = EventStores.builder()
                .backend(observing(backend, (method, result) -> {
                    if (method.equals("renewLease")) {
                        renewals.incrementAndGet();
                    }
                }))
                .register(ItemAdded.class)
                .buildEngine();
        RecordingPublisher published = new RecordingPublisher();
        OutboxRelay relay = EventStores.outboxRelay(observed, topology, published, offsets, 10, Duration.ofMinutes(1));

        for (int run = 0; run < 20; run++) {
            add("orders", "o-" + run, 1);
            relay.publishPending();
        }

        assertThat(published.published).hasSize(20);
        assertThat(renewals.get())
                .as("renewals of a lease with more than half of it left")
                .isZero();
    }

    @Test
    void aRunThatPublishedEverythingSavesItsPositionOnceAtTheHeadItSaw() {
        List<Long> saved = new ArrayList<>();
        OutboxRelay relay = EventStores.outboxRelay(
                engine, topology, new RecordingPublisher(), watchingSaves(offsets, saved), 10, Duration.ofMinutes(1));
        add("orders", "o-1", 1);
        add("elsewhere", "e-1", 1); // a category the relay does not publish, after the order

        relay.publishPending();

        assertThat(saved).containsExactly(store.headPosition());
    }

    @Test
    void aRunLongerThanTheLeaseKeepsItByRenewingItPerBatchAndNoSecondRelayPublishesBesideIt() throws Exception {
        SlowPublisher slow = new SlowPublisher(100); // ten batches take a second, twice the lease
        RecordingPublisher other = new RecordingPublisher();
        List<Long> saved = new CopyOnWriteArrayList<>();
        OffsetStore watched = watchingSaves(offsets, saved);
        Duration lease = Duration.ofMillis(500);
        OutboxRelay first = EventStores.outboxRelay(engine, topology, slow, watched, 10, lease);
        OutboxRelay second = EventStores.outboxRelay(
                EventStores.builder().backend(backend).register(ItemAdded.class).buildEngine(),
                topology,
                other,
                watched,
                10,
                lease);
        for (int i = 0; i < 100; i++) {
            add("orders", "o-" + (i % 7), i);
        }

        Thread running = new Thread(first::publishPending);
        running.start();
        slow.firstBatch.await();
        while (running.isAlive()) {
            second.publishPending();
            pause(20);
        }

        assertThat(slow.published).hasSize(100);
        assertThat(other.published)
                .as("the second relay published nothing beside the first")
                .isEmpty();
        assertThat(saved).as("positions never move backwards").isSorted();
    }

    @Test
    void stopEndsARunInProgressAfterItsCurrentBatch() throws Exception {
        SlowPublisher slow = new SlowPublisher(50);
        OutboxRelay relay = EventStores.outboxRelay(engine, topology, slow, offsets, 10, Duration.ofSeconds(30));
        for (int i = 0; i < 1_000; i++) {
            add("orders", "o-" + (i % 7), i);
        }

        Thread running = new Thread(relay::publishPending);
        running.start();
        slow.firstBatch.await();
        relay.stop();
        running.join(5_000);

        assertThat(running.isAlive()).isFalse();
        assertThat(slow.published).hasSizeLessThan(1_000);
        assertThat(offsets.load(OutboxRelay.POSITIONS, "orders").orElse(0))
                .isEqualTo(slow.published.get(slow.published.size() - 1).globalPosition());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The backend, showing nothing beyond {@code settledUpTo} in the global order until its head position has
     * been asked for {@code unsettledReads} more times, as PostgreSQL hides an event until older transactions
     * end.
     */
    private static EventStoreBackend settlingLate(
            EventStoreBackend backend, AtomicLong settledUpTo, AtomicInteger unsettledReads) {
        return intercepting(backend, (method, result) -> {
            boolean unsettled = unsettledReads.get() > 0;
            if (unsettled && method.equals("headPosition")) {
                unsettledReads.decrementAndGet();
                return Math.min((Long) result, settledUpTo.get());
            }
            if (unsettled && method.equals("readCategory")) {
                return ((List<?>) result)
                        .stream()
                                .filter(e -> ((StoredEvent) e).globalPosition() <= settledUpTo.get())
                                .toList();
            }
            return result;
        });
    }

    /** The backend, counting the events its global-order and category reads return. */
    private static EventStoreBackend countingReads(EventStoreBackend backend, AtomicLong rows) {
        return observing(backend, (method, result) -> {
            if (method.equals("readAll") || method.equals("readCategory")) {
                rows.addAndGet(((List<?>) result).size());
            }
        });
    }

    /** The backend, telling {@code onCall} the name and result of every call it answers. */
    private static EventStoreBackend observing(EventStoreBackend backend, BiConsumer<String, Object> onCall) {
        return intercepting(backend, (method, result) -> {
            onCall.accept(method, result);
            return result;
        });
    }

    /** The backend, answering every call with what {@code answer} makes of the call's name and real result. */
    private static EventStoreBackend intercepting(
            EventStoreBackend backend, BiFunction<String, Object, Object> answer) {
        return (EventStoreBackend) Proxy.newProxyInstance(
                EventStoreBackend.class.getClassLoader(),
                new Class<?>[] {EventStoreBackend.class},
                (proxy, m, args) -> {
                    try {
                        return answer.apply(m.getName(), m.invoke(backend, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The offset store, noting every relay position saved. */
    private static OffsetStore watchingSaves(OffsetStore offsets, List<Long> saved) {
        return new OffsetStore() {
            @Override
            public java.util.OptionalLong load(String subscription, String consumerKey) {
                return offsets.load(subscription, consumerKey);
            }

            @Override
            public void save(String subscription, String consumerKey, long position) {
                if (subscription.equals(OutboxRelay.POSITIONS)) {
                    saved.add(position);
                }
                offsets.save(subscription, consumerKey, position);
            }

            @Override
            public java.util.Map<String, Long> all(String subscription) {
                return offsets.all(subscription);
            }

            @Override
            public boolean remove(String subscription, String consumerKey) {
                return offsets.remove(subscription, consumerKey);
            }
        };
    }
}
