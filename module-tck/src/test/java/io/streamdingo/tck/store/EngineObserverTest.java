package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.IntegrityViolationException;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.spi.EngineObserver;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.NackAction;
import io.streamdingo.api.streams.RetryPolicy;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.replay.Carts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the engine tells its observers: the figures behind the metrics, tagged by category or subscription. */
class EngineObserverTest {

    private static final SubscriptionDefinition PICKING = SubscriptionDefinition.of(
                    "picking", "tck", SubscriptionMode.CONSUMER_GROUP)
            .withRetry(new RetryPolicy(2, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(4)));
    private static final Topology TOPOLOGY = Topology.of(List.of(StreamDefinition.persistent("tck")), List.of(PICKING));

    private final RecordingObserver observer = new RecordingObserver();
    private final TestClock clock = TestClock.startingNow();
    private TamperingBackend backend;
    private StoreEngine engine;
    private EventStore store;
    private Subscriptions subscriptions;

    @BeforeEach
    void start() {
        backend = new TamperingBackend(EventStores.inMemoryBackend());
        engine = EventStores.builder()
                .backend(backend)
                .register(ItemAdded.class, ItemRemoved.class)
                .clock(clock)
                .observer(observer)
                .buildEngine();
        store = engine.store();
    }

    @AfterEach
    void stop() {
        if (subscriptions != null) {
            subscriptions.close();
        }
        engine.close();
    }

    @Test
    void anAppendIsCountedByCategoryWithItsNumberOfEvents() {
        // when
        addItems(StreamId.of("tck", "c1"), 3);
        addItems(StreamId.of("tck", "c2"), 1);

        // then
        assertThat(observer.calls()).containsExactly("appended tck 3", "appended tck 1");
    }

    @Test
    void theRelayReportsEachPublishedEventWithItsTimeSinceCommit() {
        // given two events, published five seconds after their commit
        addItems(StreamId.of("tck", "c1"), 2);
        OutboxRelay relay = EventStores.outboxRelay(
                engine, TOPOLOGY, EventStores.inMemoryBroker(), EventStores.inMemoryOffsetStore());
        clock.advance(Duration.ofSeconds(5));

        // when
        relay.publishPending();

        // then
        assertThat(observer.calls("published")).containsExactly("published tck", "published tck");
        assertThat(observer.durations()).containsOnly(Duration.ofSeconds(5));
        relay.stop();
    }

    @Test
    void aSubscriptionReportsDeliveriesAcknowledgementsWithProcessingTimeNacksAndDeadLetters() {
        // given
        EventConsumer consumer = subscribe();
        addItems(StreamId.of("tck", "c1"), 1);
        addItems(StreamId.of("tck", "c2"), 1);

        // when the first is processed in two seconds, the second fails twice (its last attempt)
        Delivery first = consumer.poll(Duration.ZERO).orElseThrow();
        clock.advance(Duration.ofSeconds(2));
        first.ack();
        consumer.poll(Duration.ZERO).orElseThrow().nack(NackAction.REQUEUE);
        clock.advance(Duration.ofSeconds(1));
        consumer.poll(Duration.ZERO).orElseThrow().nack(NackAction.REQUEUE);

        // then
        assertThat(observer.calls())
                .filteredOn(call -> !call.startsWith("appended"))
                .containsExactly(
                        "delivered picking",
                        "acknowledged picking",
                        "delivered picking",
                        "nacked picking",
                        "delivered picking",
                        "deadLettered picking");
        assertThat(observer.durations()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aReplayReportsHowItStartedAndTheSnapshotsItWrote() {
        // given
        StreamId cart = StreamId.of("tck", "c1");
        addItems(cart, 2);
        ReplayEngine replay = EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore());

        // when
        replay.load(Carts.CART, cart);
        replay.snapshot(Carts.CART, cart);
        replay.load(Carts.CART, cart);

        // then (taking a snapshot rebuilds the state first)
        assertThat(observer.calls())
                .filteredOn(call -> !call.startsWith("appended"))
                .containsExactly(
                        "replayed tck " + EngineObserver.ReplayStart.FULL,
                        "replayed tck " + EngineObserver.ReplayStart.FULL,
                        "snapshotWritten tck",
                        "replayed tck " + EngineObserver.ReplayStart.LATEST_SNAPSHOT);
    }

    @Test
    void aBrokenHashChainIsReportedByVerificationAndByReplay() {
        // given a stream whose second event was changed behind the store's back
        StreamId cart = StreamId.of("tck", "c1");
        addItems(cart, 3);
        backend.replacePayload(cart, 2, "{\"sku\":\"sku-2\",\"quantity\":2000}");
        ReplayEngine replay = EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore());

        // when
        StreamVerification verification = store.verify(cart);
        assertThatThrownBy(() -> replay.load(Carts.CART.verifyingOnLoad(), cart))
                .isInstanceOf(IntegrityViolationException.class);

        // then
        assertThat(verification).isInstanceOf(StreamVerification.Broken.class);
        assertThat(observer.calls("integrityFailed")).containsExactly("integrityFailed tck", "integrityFailed tck");
    }

    @Test
    void anObserverThatThrowsBreaksNothing() {
        // given an engine whose only observer always fails
        EngineObserver failing = new EngineObserver() {
            @Override
            public void appended(String category, int events) {
                throw new IllegalStateException("broken metrics");
            }
        };
        StoreEngine other = EventStores.builder()
                .backend(EventStores.inMemoryBackend())
                .register(ItemAdded.class)
                .observer(failing)
                .buildEngine();

        // when
        other.store()
                .append(StreamId.of("tck", "c1"), ExpectedVersion.any(), List.of(NewEvent.of(new ItemAdded("a", 1))));

        // then the append stands
        assertThat(other.store().currentVersion(StreamId.of("tck", "c1"))).isEqualTo(1);
        other.close();
    }

    private EventConsumer subscribe() {
        subscriptions = EventStores.inMemorySubscriptions(engine, TOPOLOGY, EventStores.inMemoryOffsetStore(), clock);
        EventConsumer consumer = subscriptions.subscribe(PICKING.name(), "picker");
        assertThat(consumer.poll(Duration.ZERO)).isEmpty();
        return consumer;
    }

    private void addItems(StreamId stream, int count) {
        List<NewEvent> events = java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> NewEvent.of(new ItemAdded("sku-" + i, i)))
                .toList();
        store.append(stream, ExpectedVersion.any(), events);
    }
}
