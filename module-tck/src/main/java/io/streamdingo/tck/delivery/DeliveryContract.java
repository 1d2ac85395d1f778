package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.ConsumerPosition;
import io.streamdingo.api.streams.DeadLetter;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.NackAction;
import io.streamdingo.api.streams.Retention;
import io.streamdingo.api.streams.RetryPolicy;
import io.streamdingo.api.streams.StartPosition;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.AccountEvents;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import io.streamdingo.tck.events.PriceEvents;
import io.streamdingo.tck.events.PriceEvents.PriceSet;
import io.streamdingo.tck.events.PriceEvents.PriceSetV1;
import io.streamdingo.tck.events.PriceEvents.PriceSetV2;
import io.streamdingo.tck.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery contract (ST-2 to ST-6): the subscription modes, delivery semantics, retries, dead letters
 * and positions that every {@link Subscriptions} implementation shows. A delivery's test subclasses it and
 * builds its delivery in {@link #newSubscriptions}; nothing is skipped. Time is a hand-moved clock: the
 * visibility timeout is 30 s, backoffs are 1 s, 2 s, 4 s with 3 attempts. A delivery whose events travel
 * asynchronously (through a broker) says when they have arrived in {@link #awaitInFlight}.
 */
public abstract class DeliveryContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final Duration VISIBILITY = Duration.ofSeconds(30);
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10));

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Subscriptions> opened = new ArrayList<>();
    private TestClock clock;
    private StoreEngine engine;
    private EventStore store;
    private EventStore otherService;
    private OffsetStore offsets;
    private DeadLetterStore deadLetters;
    private String category;

    /**
     * The delivery under test over {@code engine}'s store, new for every call (a call is a process start),
     * keeping positions in {@code offsets} and dead letters in {@code deadLetters}, which outlive the call.
     */
    protected abstract Subscriptions newSubscriptions(
            StoreEngine engine,
            Topology topology,
            OffsetStore offsets,
            DeadLetterStore deadLetters,
            java.time.Clock clock);

    /**
     * Waits until what was appended and published so far has reached the delivery; the suite calls it before
     * every poll that expects an answer at once. The in-memory delivery reads the store itself and has nothing
     * to wait for; a broker delivery waits for its relay and the broker's hop.
     */
    protected void awaitInFlight() {}

    /** Where positions are kept; by default in memory. Called once per test. */
    protected OffsetStore newOffsetStore() {
        return EventStores.inMemoryOffsetStore();
    }

    /** Where dead letters are kept; by default in memory. Called once per test. */
    protected DeadLetterStore newDeadLetterStore() {
        return EventStores.inMemoryDeadLetterStore();
    }

    @BeforeEach
    final void openStore() {
        clock = TestClock.startingNow();
        EventStoreBackend shared = EventStores.inMemoryBackend();
        engine = EventStores.builder()
                .backend(shared)
                .register(ItemAdded.class, NoteAdded.class, PriceSetV1.class, PriceSetV2.class, PriceSet.class)
                .register(AccountEvents.AccountOpened.class)
                .upcaster(PriceEvents.V2_TO_V3)
                .clock(clock)
                .buildEngine();
        store = engine.store();
        // another application on the same store, with event types this one does not know
        otherService = EventStores.builder()
                .backend(shared)
                .register(ItemRemoved.class)
                .clock(clock)
                .build();
        offsets = newOffsetStore();
        deadLetters = newDeadLetterStore();
        category = "dlv_" + run.replace('-', '_') + "_" + SEQUENCE.incrementAndGet();
    }

    @AfterEach
    final void closeAll() {
        opened.forEach(Subscriptions::close);
        store.close();
    }

    // ---- fixture -------------------------------------------------------------------------------------

    private SubscriptionDefinition subscription(String name, SubscriptionMode mode) {
        return SubscriptionDefinition.of(category + "-" + name, category, mode)
                .withVisibilityTimeout(VISIBILITY)
                .withRetry(RETRY);
    }

    private Subscriptions start(DeliverySemantics semantics, SubscriptionDefinition... definitions) {
        Topology topology =
                Topology.of(List.of(StreamDefinition.persistent(category).withSemantics(semantics)), definitions);
        Subscriptions subscriptions = newSubscriptions(engine, topology, offsets, deadLetters, clock);
        opened.add(subscriptions);
        return subscriptions;
    }

    /** A delivery of an ephemeral stream of this test's category, whose messages expire after {@code maxAge}. */
    private Subscriptions startEphemeral(Duration maxAge, SubscriptionDefinition... definitions) {
        Topology topology = Topology.of(
                List.of(StreamDefinition.ephemeral(category)
                        .withRetention(Retention.unlimited().withMaxAge(maxAge))),
                definitions);
        Subscriptions subscriptions = newSubscriptions(engine, topology, offsets, deadLetters, clock);
        opened.add(subscriptions);
        return subscriptions;
    }

    private Subscriptions start(SubscriptionDefinition... definitions) {
        return start(DeliverySemantics.AT_LEAST_ONCE, definitions);
    }

    private StreamId stream(String id) {
        return StreamId.of(category, id);
    }

    private void add(StreamId stream, int... quantities) {
        for (int quantity : quantities) {
            store.append(stream, ExpectedVersion.any(), NewEvent.of(new ItemAdded(stream.id(), quantity)));
        }
    }

    private Optional<Delivery> pollNow(EventConsumer consumer) {
        awaitInFlight();
        return consumer.poll(Duration.ZERO);
    }

    private static int quantity(Delivery delivery) {
        return ((ItemAdded) delivery.event().payload()).quantity();
    }

    /** Polls and acks until nothing is due; the quantities received, in order. */
    private List<Integer> drain(EventConsumer consumer) {
        List<Integer> received = new ArrayList<>();
        for (Optional<Delivery> d = pollNow(consumer); d.isPresent(); d = pollNow(consumer)) {
            received.add(quantity(d.get()));
            d.get().ack();
        }
        return received;
    }

    // ---- modes ---------------------------------------------------------------------------------------

    @Test
    void personalDataIsDeliveredInClearAndAsRedactedOnceItsSubjectIsForgotten() {
        SubscriptionDefinition news = subscription("news", SubscriptionMode.BROADCAST);
        EventConsumer consumer = start(news).subscribe(news.name(), "first");
        String ada = "ada-" + run;
        store.append(stream("ada"), ExpectedVersion.any(), NewEvent.of(AccountEvents.opened(ada, "Ada")));
        Delivery first = pollNow(consumer).orElseThrow();
        store.append(stream("ada"), ExpectedVersion.any(), NewEvent.of(AccountEvents.opened(ada, "Ada")));
        awaitInFlight(); // the second event has reached the delivery (the broker) with its personal data encrypted

        store.forget(ada);
        first.ack();
        Delivery second = pollNow(consumer).orElseThrow();

        assertThat(((AccountEvents.AccountOpened) first.event().payload()).ownerName())
                .isEqualTo("Ada");
        assertThat(((AccountEvents.AccountOpened) second.event().payload()).ownerName())
                .isNull();
        assertThat(second.event().metadata().redactedFields()).contains("ownerName", "address.street");
    }

    @Test
    void broadcastGivesEveryConsumerEveryEvent() {
        SubscriptionDefinition news = subscription("news", SubscriptionMode.BROADCAST);
        Subscriptions subscriptions = start(news);
        EventConsumer first = subscriptions.subscribe(news.name(), "first");
        EventConsumer second = subscriptions.subscribe(news.name(), "second");
        add(stream("a"), 1, 2);
        add(stream("b"), 3);

        assertThat(drain(first)).containsExactly(1, 2, 3);
        assertThat(drain(second)).containsExactly(1, 2, 3);
    }

    @Test
    void broadcastConsumersKeepPositionsOfTheirOwn() {
        SubscriptionDefinition news = subscription("news", SubscriptionMode.BROADCAST);
        Subscriptions subscriptions = start(news);
        EventConsumer first = subscriptions.subscribe(news.name(), "first");
        EventConsumer second = subscriptions.subscribe(news.name(), "second");
        add(stream("a"), 1, 2);
        drain(first);

        assertThat(subscriptions.positions(news.name()))
                .extracting(ConsumerPosition::consumerKey, ConsumerPosition::lag)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("first", 0L),
                        org.assertj.core.groups.Tuple.tuple("second", 2L));
        assertThat(drain(second)).containsExactly(1, 2);
    }

    @Test
    void exclusiveDeliversToOneConsumerAtATime() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer active = subscriptions.subscribe(billing.name(), "active");
        EventConsumer standby = subscriptions.subscribe(billing.name(), "standby");
        add(stream("a"), 1, 2, 3);

        assertThat(pollNow(standby)).isEmpty();
        assertThat(drain(active)).containsExactly(1, 2, 3);
        assertThat(pollNow(standby)).isEmpty();
    }

    @Test
    void exclusiveFailsOverWhenTheActiveConsumerLeavesAndRedeliversWhatItHeld() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer active = subscriptions.subscribe(billing.name(), "active");
        EventConsumer standby = subscriptions.subscribe(billing.name(), "standby");
        add(stream("a"), 1, 2);
        assertThat(pollNow(active)).isPresent(); // taken, never settled

        active.close();

        assertThat(drain(standby)).containsExactly(1, 2);
    }

    @Test
    void exclusiveFailsOverWhenTheActiveConsumerStopsPolling() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer active = subscriptions.subscribe(billing.name(), "active");
        EventConsumer standby = subscriptions.subscribe(billing.name(), "standby");
        add(stream("a"), 1);
        assertThat(pollNow(active)).isPresent();

        clock.advance(VISIBILITY.plusSeconds(1));

        assertThat(drain(standby)).containsExactly(1);
    }

    @Test
    void aConsumerGroupSplitsStreamsAcrossMembersAndKeepsEachStreamInOrder() {
        SubscriptionDefinition workers = subscription("workers", SubscriptionMode.CONSUMER_GROUP);
        Subscriptions subscriptions = start(workers);
        EventConsumer one = subscriptions.subscribe(workers.name(), "one");
        EventConsumer two = subscriptions.subscribe(workers.name(), "two");
        for (int s = 0; s < 20; s++) {
            add(stream("s" + s), 1, 2, 3);
        }
        Map<String, List<Integer>> byStream = new HashMap<>();
        Map<String, String> memberOfStream = new HashMap<>();
        int received = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (EventConsumer member : List.of(one, two)) {
                Optional<Delivery> delivery = pollNow(member);
                if (delivery.isPresent()) {
                    String id = delivery.get().event().streamId().id();
                    byStream.computeIfAbsent(id, k -> new ArrayList<>()).add(quantity(delivery.get()));
                    assertThat(memberOfStream.putIfAbsent(id, member.consumerId()))
                            .as("stream %s stays with one member", id)
                            .isIn(null, member.consumerId());
                    delivery.get().ack();
                    received++;
                    progress = true;
                }
            }
        }

        assertThat(received).isEqualTo(60);
        assertThat(byStream.values())
                .allSatisfy(quantities -> assertThat(quantities).containsExactly(1, 2, 3));
        assertThat(Set.copyOf(memberOfStream.values())).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void aConsumerGroupRebalancesWhenAMemberLeaves() {
        SubscriptionDefinition workers = subscription("workers", SubscriptionMode.CONSUMER_GROUP);
        Subscriptions subscriptions = start(workers);
        EventConsumer one = subscriptions.subscribe(workers.name(), "one");
        EventConsumer two = subscriptions.subscribe(workers.name(), "two");
        for (int s = 0; s < 10; s++) {
            add(stream("s" + s), s);
        }
        Optional<Delivery> held = pollNow(one); // one takes an event and leaves without settling it
        assertThat(held).isPresent();

        one.close();

        List<Integer> taken = drain(two);
        assertThat(taken).hasSize(10).contains(quantity(held.get()));
    }

    @Test
    void aConsumerGroupMemberThatStopsPollingLosesItsStreams() {
        SubscriptionDefinition workers = subscription("workers", SubscriptionMode.CONSUMER_GROUP);
        Subscriptions subscriptions = start(workers);
        EventConsumer one = subscriptions.subscribe(workers.name(), "one");
        EventConsumer two = subscriptions.subscribe(workers.name(), "two");
        for (int s = 0; s < 10; s++) {
            add(stream("s" + s), s);
        }
        List<Integer> takenByOne = drain(one); // one takes its share of the streams, then goes silent
        add(stream("late"), 100);
        List<Integer> everything = new ArrayList<>(List.of(100));
        for (int s = 0; s < 10; s++) {
            add(stream("s" + s), 10 + s);
            everything.add(s);
            everything.add(10 + s);
        }

        clock.advance(VISIBILITY.plusSeconds(1));

        // two gets all of one's streams' later events as well as its own share, and nothing twice
        List<Integer> expected = new ArrayList<>(everything);
        expected.removeAll(takenByOne);
        assertThat(takenByOne).isNotEmpty();
        assertThat(drain(two)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aStreamsNextEventWaitsUntilTheEarlierOneIsSettled() {
        SubscriptionDefinition workers = subscription("workers", SubscriptionMode.CONSUMER_GROUP);
        Subscriptions subscriptions = start(workers);
        EventConsumer only = subscriptions.subscribe(workers.name(), "only");
        add(stream("a"), 1, 2);
        add(stream("b"), 3);

        Delivery first = pollNow(only).orElseThrow();
        Delivery second = pollNow(only).orElseThrow();

        assertThat(List.of(quantity(first), quantity(second))).containsExactly(1, 3);
        assertThat(pollNow(only)).isEmpty();
        first.ack();
        assertThat(pollNow(only).map(DeliveryContract::quantity)).contains(2);
    }

    // ---- read receipts ---------------------------------------------------------------------------------

    private SubscriptionDefinition inbox(NackAction unreadAction) {
        return subscription("inbox", SubscriptionMode.READ_RECEIPT)
                .withUnreadTimeout(Duration.ofMinutes(1), unreadAction);
    }

    @Test
    void aReadReceiptTellsDeliveredFromRead() {
        SubscriptionDefinition inbox = inbox(NackAction.REQUEUE);
        Subscriptions subscriptions = start(inbox);
        EventConsumer reader = subscriptions.subscribe(inbox.name(), "reader");
        add(stream("a"), 1);
        Delivery delivery = pollNow(reader).orElseThrow();

        delivery.ack();
        assertThat(subscriptions.unreadCount(inbox.name())).isEqualTo(1);
        assertThat(subscriptions.positions(inbox.name()).get(0).lag()).isEqualTo(1);

        delivery.markRead();
        assertThat(subscriptions.unreadCount(inbox.name())).isZero();
        assertThat(subscriptions.positions(inbox.name()).get(0).lag()).isZero();
    }

    @Test
    void aDeliveredButUnreadEventDoesNotHoldBackItsStream() {
        SubscriptionDefinition inbox = inbox(NackAction.REQUEUE);
        EventConsumer reader = start(inbox).subscribe(inbox.name(), "reader");
        add(stream("a"), 1, 2);

        pollNow(reader).orElseThrow().ack();

        assertThat(pollNow(reader).map(DeliveryContract::quantity)).contains(2);
    }

    @Test
    void anEventLeftUnreadIsDeliveredAgainAfterTheUnreadTimeout() {
        SubscriptionDefinition inbox = inbox(NackAction.REQUEUE);
        Subscriptions subscriptions = start(inbox);
        EventConsumer reader = subscriptions.subscribe(inbox.name(), "reader");
        add(stream("a"), 1);
        Delivery first = pollNow(reader).orElseThrow();
        first.ack();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        Delivery again = pollNow(reader).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThatThrownBy(first::markRead).isInstanceOf(IllegalStateException.class);
        assertThat(subscriptions.unreadCount(inbox.name())).isZero();
    }

    @Test
    void anEventLeftUnreadCanGoToTheDeadLetters() {
        SubscriptionDefinition inbox = inbox(NackAction.DEAD_LETTER);
        Subscriptions subscriptions = start(inbox);
        EventConsumer reader = subscriptions.subscribe(inbox.name(), "reader");
        add(stream("a"), 1);
        pollNow(reader).orElseThrow().ack();

        clock.advance(Duration.ofMinutes(2));
        assertThat(pollNow(reader)).isEmpty();

        assertThat(subscriptions.deadLetters(inbox.name()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("not read"));
    }

    @Test
    void anEventLeftUnreadCanBeDropped() {
        SubscriptionDefinition inbox = inbox(null);
        Subscriptions subscriptions = start(inbox);
        EventConsumer reader = subscriptions.subscribe(inbox.name(), "reader");
        add(stream("a"), 1);
        pollNow(reader).orElseThrow().ack();

        clock.advance(Duration.ofMinutes(2));

        assertThat(pollNow(reader)).isEmpty();
        assertThat(subscriptions.deadLetters(inbox.name())).isEmpty();
        assertThat(subscriptions.positions(inbox.name()).get(0).lag()).isZero();
    }

    @Test
    void markingReadOutsideReadReceiptSubscriptionsOrBeforeTheAckFails() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        SubscriptionDefinition inbox = inbox(NackAction.REQUEUE);
        Subscriptions subscriptions = start(billing, inbox);
        EventConsumer payer = subscriptions.subscribe(billing.name(), "payer");
        EventConsumer reader = subscriptions.subscribe(inbox.name(), "reader");
        add(stream("a"), 1);

        Delivery billed = pollNow(payer).orElseThrow();
        Delivery unacknowledged = pollNow(reader).orElseThrow();

        assertThatThrownBy(billed::markRead)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("READ_RECEIPT");
        assertThatThrownBy(unacknowledged::markRead)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acknowledge it first");
    }

    // ---- semantics, retries, dead letters ------------------------------------------------------------

    @Test
    void aNackedDeliveryComesBackAfterTheBackoffAsTheNextAttempt() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        EventConsumer consumer = start(billing).subscribe(billing.name(), "c");
        add(stream("a"), 7);
        pollNow(consumer).orElseThrow().nack(NackAction.REQUEUE);

        assertThat(pollNow(consumer)).isEmpty();
        clock.advance(Duration.ofSeconds(1));

        Delivery again = pollNow(consumer).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(quantity(again)).isEqualTo(7);
    }

    @Test
    void backoffGrowsWithEachAttempt() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        EventConsumer consumer = start(billing).subscribe(billing.name(), "c");
        add(stream("a"), 7);
        pollNow(consumer).orElseThrow().nack(NackAction.REQUEUE);
        clock.advance(Duration.ofSeconds(1));
        pollNow(consumer).orElseThrow().nack(NackAction.REQUEUE);

        clock.advance(Duration.ofMillis(1_999));
        assertThat(pollNow(consumer)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(pollNow(consumer).map(Delivery::attempt)).contains(3);
    }

    @Test
    void anUnacknowledgedDeliveryIsRedeliveredAfterTheVisibilityTimeout() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        EventConsumer consumer = start(billing).subscribe(billing.name(), "c");
        add(stream("a"), 7);
        Delivery lost = pollNow(consumer).orElseThrow();

        clock.advance(VISIBILITY.plusSeconds(1));

        Delivery again = pollNow(consumer).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThatThrownBy(lost::ack).isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer");
    }

    @Test
    void afterTheLastAttemptTheEventBecomesADeadLetterAndTheOthersFlowOn() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 7, 8);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Delivery delivery = pollNow(consumer).orElseThrow();
            assertThat(quantity(delivery)).isEqualTo(7);
            delivery.nack(NackAction.REQUEUE);
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(drain(consumer)).containsExactly(8);
        assertThat(subscriptions.deadLetters(billing.name())).singleElement().satisfies(letter -> {
            assertThat(((ItemAdded) letter.event().payload()).quantity()).isEqualTo(7);
            assertThat(letter.attempts()).isEqualTo(3);
        });
    }

    @Test
    void aNackToDeadLetterSkipsTheRetries() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 7);

        pollNow(consumer).orElseThrow().nack(NackAction.DEAD_LETTER);

        assertThat(subscriptions.deadLetters(billing.name()))
                .extracting(DeadLetter::attempts)
                .containsExactly(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(pollNow(consumer)).isEmpty();
    }

    @Test
    void deadLettersCanBeReplayed() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 7);
        pollNow(consumer).orElseThrow().nack(NackAction.DEAD_LETTER);

        assertThat(subscriptions.replayDeadLetters(billing.name())).isEqualTo(1);

        Delivery replayed = pollNow(consumer).orElseThrow();
        assertThat(quantity(replayed)).isEqualTo(7);
        assertThat(replayed.attempt()).isEqualTo(1);
        replayed.ack();
        assertThat(subscriptions.deadLetters(billing.name())).isEmpty();
    }

    @Test
    void aDeadLetterSurvivesARestartAndIsReplayedAfterIt() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions before = start(billing);
        add(stream("a"), 7);
        pollNow(before.subscribe(billing.name(), "c")).orElseThrow().nack(NackAction.DEAD_LETTER);
        before.close();

        Subscriptions after = start(billing);
        EventConsumer consumer = after.subscribe(billing.name(), "c");

        assertThat(after.deadLetters(billing.name())).singleElement().satisfies(letter -> assertThat(
                        ((ItemAdded) letter.event().payload()).quantity())
                .isEqualTo(7));
        assertThat(after.replayDeadLetters(billing.name())).isEqualTo(1);
        Delivery replayed = pollNow(consumer).orElseThrow();
        assertThat(quantity(replayed)).isEqualTo(7);
        replayed.ack();
        assertThat(after.deadLetters(billing.name())).isEmpty();
    }

    @Test
    void aReplayedDeadLetterStaysUntilItsNewDeliveryIsSettled() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions before = start(billing);
        EventConsumer consumer = before.subscribe(billing.name(), "c");
        add(stream("a"), 7);
        pollNow(consumer).orElseThrow().nack(NackAction.DEAD_LETTER);
        before.replayDeadLetters(billing.name());
        pollNow(consumer).orElseThrow(); // the process dies before settling the replay
        before.close();

        Subscriptions after = start(billing);

        assertThat(after.deadLetters(billing.name())).hasSize(1);
    }

    @Test
    void oneDeadLetterCanBeReplayedOrDeletedByItsId() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 7);
        add(stream("b"), 8);
        pollNow(consumer).orElseThrow().nack(NackAction.DEAD_LETTER);
        pollNow(consumer).orElseThrow().nack(NackAction.DEAD_LETTER);
        List<DeadLetter> letters = subscriptions.deadLetters(billing.name());
        assertThat(letters).hasSize(2);
        DeadLetter seven = letters.stream()
                .filter(l -> ((ItemAdded) l.event().payload()).quantity() == 7)
                .findFirst()
                .orElseThrow();
        DeadLetter eight = letters.get(letters.get(0) == seven ? 1 : 0);

        assertThat(subscriptions.deleteDeadLetter(billing.name(), eight.id())).isTrue();
        assertThat(subscriptions.deleteDeadLetter(billing.name(), eight.id())).isFalse();
        assertThat(subscriptions.replayDeadLetter(billing.name(), seven.id())).isTrue();
        assertThat(subscriptions.replayDeadLetter(billing.name(), UUID.randomUUID()))
                .isFalse();

        Delivery replayed = pollNow(consumer).orElseThrow();
        assertThat(quantity(replayed)).isEqualTo(7);
        replayed.ack();
        assertThat(subscriptions.deadLetters(billing.name())).isEmpty();
        assertThat(pollNow(consumer)).isEmpty();
    }

    @Test
    void atMostOnceNeverRedelivers() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(DeliverySemantics.AT_MOST_ONCE, billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 1, 2);
        pollNow(consumer).orElseThrow().nack(NackAction.REQUEUE);
        pollNow(consumer).orElseThrow(); // never settled

        clock.advance(VISIBILITY.multipliedBy(3));
        assertThat(pollNow(consumer)).isEmpty();
        consumer.close();

        EventConsumer restarted = start(DeliverySemantics.AT_MOST_ONCE, billing).subscribe(billing.name(), "c");
        assertThat(pollNow(restarted)).isEmpty();
    }

    @Test
    void atLeastOnceRedeliversWhatWasNotAcknowledgedBeforeACrash() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        EventConsumer before = start(billing).subscribe(billing.name(), "c");
        add(stream("a"), 1, 2, 3);
        pollNow(before).orElseThrow().ack();
        pollNow(before).orElseThrow(); // the process dies while processing 2

        EventConsumer after = start(billing).subscribe(billing.name(), "c");

        assertThat(drain(after)).containsExactly(2, 3);
    }

    @Test
    void settlingADeliveryTwiceFails() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        EventConsumer consumer = start(billing).subscribe(billing.name(), "c");
        add(stream("a"), 1);
        Delivery delivery = pollNow(consumer).orElseThrow();
        delivery.ack();

        assertThatThrownBy(delivery::ack).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delivery.nack(NackAction.REQUEUE)).isInstanceOf(IllegalStateException.class);
    }

    // ---- ephemeral streams ----------------------------------------------------------------------------

    private SubscriptionDefinition live(String name, SubscriptionMode mode) {
        return subscription(name, mode).startingAt(StartPosition.latest());
    }

    @Test
    void anEphemeralEventReachesItsSubscribersWithoutBeingStored() {
        SubscriptionDefinition pings = live("pings", SubscriptionMode.BROADCAST);
        Subscriptions subscriptions = startEphemeral(Duration.ofMinutes(1), pings);
        EventConsumer first = subscriptions.subscribe(pings.name(), "first");
        EventConsumer second = subscriptions.subscribe(pings.name(), "second");

        subscriptions.publish(stream("a"), NewEvent.of(new ItemAdded("a", 5)));

        assertThat(drain(first)).containsExactly(5);
        assertThat(drain(second)).containsExactly(5);
        try (var stored = store.readCategory(category, 0)) {
            assertThat(stored).isEmpty();
        }
    }

    @Test
    void anEphemeralEventIsRedeliveredUntilAcknowledgedLikeAnyOther() {
        SubscriptionDefinition jobs = live("jobs", SubscriptionMode.CONSUMER_GROUP);
        Subscriptions subscriptions = startEphemeral(Duration.ofMinutes(10), jobs);
        EventConsumer worker = subscriptions.subscribe(jobs.name(), "worker");
        subscriptions.publish(stream("a"), NewEvent.of(new ItemAdded("a", 5)));

        pollNow(worker).orElseThrow().nack(NackAction.REQUEUE);
        clock.advance(Duration.ofSeconds(1));

        assertThat(pollNow(worker).map(Delivery::attempt)).contains(2);
    }

    @Test
    void anEphemeralMessageNobodyReadExpires() {
        SubscriptionDefinition pings = live("pings", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = startEphemeral(Duration.ofMinutes(1), pings);
        EventConsumer consumer = subscriptions.subscribe(pings.name(), "c");
        subscriptions.publish(stream("a"), NewEvent.of(new ItemAdded("a", 1)));

        clock.advance(Duration.ofMinutes(2));
        subscriptions.publish(stream("a"), NewEvent.of(new ItemAdded("a", 2)));

        assertThat(drain(consumer)).containsExactly(2);
    }

    @Test
    void publishingToAPersistentStreamIsRefusedNamingIt() {
        Subscriptions subscriptions = start(subscription("billing", SubscriptionMode.EXCLUSIVE));

        assertThatThrownBy(() -> subscriptions.publish(stream("a"), NewEvent.of(new ItemAdded("a", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream " + category + " is PERSISTENT");
    }

    // ---- receive as (SE-4) ------------------------------------------------------------------------------

    @Test
    void aSubscriptionReceivesEventsUpcastOnlyAsFarAsTheVersionItAsksFor() {
        SubscriptionDefinition legacy =
                subscription("legacy", SubscriptionMode.EXCLUSIVE).receivingAs("tck.PriceSet", 2);
        SubscriptionDefinition current = subscription("current", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(legacy, current);
        store.append(stream("p"), ExpectedVersion.any(), NewEvent.of(new PriceSetV1("sku", 250)));

        Delivery asked = pollNow(subscriptions.subscribe(legacy.name(), "c")).orElseThrow();
        Delivery newest = pollNow(subscriptions.subscribe(current.name(), "c")).orElseThrow();

        assertThat(asked.event().payload()).isInstanceOf(PriceSetV2.class);
        assertThat(asked.event().schemaVersion()).isEqualTo(2);
        assertThat(newest.event().payload()).isInstanceOf(PriceSet.class);
    }

    @Test
    void anEphemeralSubscriptionAlsoReceivesTheVersionItAsksFor() {
        SubscriptionDefinition legacy =
                live("legacy", SubscriptionMode.BROADCAST).receivingAs("tck.PriceSet", 2);
        Subscriptions subscriptions = startEphemeral(Duration.ofMinutes(1), legacy);
        EventConsumer consumer = subscriptions.subscribe(legacy.name(), "c");

        subscriptions.publish(stream("p"), NewEvent.of(new PriceSetV1("sku", 250)));

        assertThat(pollNow(consumer).orElseThrow().event().payload()).isInstanceOf(PriceSetV2.class);
    }

    // ---- positions, start, replay -------------------------------------------------------------------

    @Test
    void aPositionSurvivesARestart() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        EventConsumer before = start(billing).subscribe(billing.name(), "c");
        add(stream("a"), 1, 2);
        assertThat(drain(before)).containsExactly(1, 2);
        before.close();
        add(stream("a"), 3);

        EventConsumer after = start(billing).subscribe(billing.name(), "c");

        assertThat(drain(after)).containsExactly(3);
    }

    @Test
    void aRemovedBroadcastConsumerLeavesThePositionsAndStartsAfreshWhenItComesBack() {
        SubscriptionDefinition news = subscription("news", SubscriptionMode.BROADCAST);
        Subscriptions before = start(news);
        EventConsumer retired = before.subscribe(news.name(), "retired");
        EventConsumer staying = before.subscribe(news.name(), "staying");
        add(stream("a"), 1, 2);
        drain(retired);
        drain(staying);
        retired.close();
        staying.close();
        Subscriptions after = start(news);

        boolean removed = after.removeConsumer(news.name(), "retired");

        assertThat(removed).isTrue();
        assertThat(after.positions(news.name()))
                .extracting(ConsumerPosition::consumerKey)
                .containsExactly("staying");
        assertThat(drain(after.subscribe(news.name(), "retired"))).containsExactly(1, 2);
    }

    @Test
    void aConnectedConsumerCannotBeRemoved() {
        SubscriptionDefinition news = subscription("news", SubscriptionMode.BROADCAST);
        Subscriptions subscriptions = start(news);
        EventConsumer connected = subscriptions.subscribe(news.name(), "connected");
        add(stream("a"), 1);
        drain(connected);

        assertThatThrownBy(() -> subscriptions.removeConsumer(news.name(), "connected"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connected")
                .hasMessageContaining("close it");
        assertThat(subscriptions.positions(news.name()))
                .extracting(ConsumerPosition::consumerKey)
                .containsExactly("connected");
    }

    @Test
    void lagCountsTheSubscriptionsEventsBeyondItsPositionAndNoOthers() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 1, 2);
        add(StreamId.of("elsewhere" + UUID.randomUUID().toString().replace("-", ""), "x"), 9, 9, 9);
        add(stream("b"), 3, 4);
        pollNow(consumer).orElseThrow().ack();

        ConsumerPosition position = subscriptions.positions(billing.name()).get(0);

        assertThat(position.lag()).isEqualTo(3);
    }

    @Test
    void aSubscriptionStartingAtTheLatestPositionSkipsHistory() {
        add(stream("a"), 1, 2);
        SubscriptionDefinition fresh =
                subscription("fresh", SubscriptionMode.EXCLUSIVE).startingAt(StartPosition.latest());
        EventConsumer consumer = start(fresh).subscribe(fresh.name(), "c");
        add(stream("a"), 3);

        assertThat(drain(consumer)).containsExactly(3);
    }

    @Test
    void aSubscriptionStartingAtATimeReceivesWhatWasRecordedFromThen() {
        add(stream("a"), 1);
        clock.advance(Duration.ofHours(1));
        Instant from = clock.instant();
        add(stream("a"), 2, 3);
        SubscriptionDefinition recent =
                subscription("recent", SubscriptionMode.EXCLUSIVE).startingAt(StartPosition.at(from));

        assertThat(drain(start(recent).subscribe(recent.name(), "c"))).containsExactly(2, 3);
    }

    @Test
    void resettingAPositionDeliversAgainFromThere() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 1, 2, 3);
        List<RecordedEvent> events = store.read(stream("a")).toList();
        drain(consumer);

        subscriptions.resetPosition(
                billing.name(), billing.name(), events.get(0).globalPosition());

        assertThat(drain(consumer)).containsExactly(2, 3);
    }

    @Test
    void resettingAListedPositionToAnInstantDeliversAgainWhatWasRecordedFromThen() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.CONSUMER_GROUP);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 1);
        clock.advance(Duration.ofMinutes(5));
        Instant from = clock.instant();
        add(stream("a"), 2, 3);
        drain(consumer);
        String key = subscriptions.positions(billing.name()).get(0).consumerKey();

        subscriptions.resetPosition(billing.name(), key, from);

        assertThat(drain(consumer)).containsExactly(2, 3);
    }

    @Test
    void aFilterLetsOnlyTheNamedEventTypesThrough() {
        SubscriptionDefinition notes =
                subscription("notes", SubscriptionMode.EXCLUSIVE).onlyTypes("tck.NoteAdded");
        EventConsumer consumer = start(notes).subscribe(notes.name(), "c");
        add(stream("a"), 1);
        store.append(stream("a"), ExpectedVersion.any(), NewEvent.of(new NoteAdded("fragile")));

        Delivery delivery = pollNow(consumer).orElseThrow();

        assertThat(delivery.event().payload()).isEqualTo(new NoteAdded("fragile"));
        assertThat(pollNow(consumer)).isEmpty();
    }

    @Test
    void aCatchUpSubscriptionContinuesLiveWithoutGapOrDuplicateWhileWritersAppend() throws Exception {
        add(stream("history"), 1, 2, 3);
        SubscriptionDefinition audit = subscription("audit", SubscriptionMode.EXCLUSIVE);
        EventConsumer consumer = start(audit).subscribe(audit.name(), "c");
        int writers = 4;
        int perWriter = 50;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            StreamId writerStream = stream("writer-" + w);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    add(writerStream, 1000 + i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        List<java.util.UUID> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < 3 + writers * perWriter && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(50)).ifPresent(delivery -> {
                received.add(delivery.event().eventId());
                delivery.ack();
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(consumer.poll(Duration.ofMillis(100))).isEmpty();

        List<java.util.UUID> appended;
        try (var all = store.readAll(0)) {
            appended = all.filter(e -> e.streamId().category().equals(category))
                    .map(RecordedEvent::eventId)
                    .toList();
        }
        assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(appended);
    }

    @Test
    void eventsOfOtherCategoriesWithTypesThisApplicationDoesNotKnowAreSkipped() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 1);
        otherService.append(
                StreamId.of(category + "_other", "x"), ExpectedVersion.any(), NewEvent.of(new ItemRemoved("x")));
        add(stream("a"), 2);

        assertThat(drain(consumer)).containsExactly(1, 2);
        assertThat(subscriptions.positions(billing.name()).get(0).lag()).isZero();
    }

    @Test
    void anEventOfItsCategoryThatCannotBeReadBecomesADeadLetterAndTheOthersFlowOn() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        EventConsumer consumer = subscriptions.subscribe(billing.name(), "c");
        add(stream("a"), 1);
        // another application writes a type this one does not register into the same category
        otherService.append(stream("b"), ExpectedVersion.any(), NewEvent.of(new ItemRemoved("x")));
        add(stream("a"), 2);

        assertThat(drain(consumer)).containsExactly(1, 2);
        List<DeadLetter> letters = subscriptions.deadLetters(billing.name());
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.event().streamId()).isEqualTo(stream("b"));
            assertThat(letter.reason()).contains("tck.ItemRemoved");
        });
        assertThat(subscriptions.replayDeadLetters(billing.name())).isZero();
        assertThat(subscriptions.positions(billing.name()).get(0).lag()).isZero();
    }

    @Test
    void subscribingToAnUndeclaredSubscriptionFailsNamingIt() {
        Subscriptions subscriptions = start(subscription("known", SubscriptionMode.EXCLUSIVE));

        assertThatThrownBy(() -> subscriptions.subscribe("unknown", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown");
    }

    @Test
    void aConsumerIdConnectedTwiceIsRefused() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.EXCLUSIVE);
        Subscriptions subscriptions = start(billing);
        subscriptions.subscribe(billing.name(), "c");

        assertThatThrownBy(() -> subscriptions.subscribe(billing.name(), "c"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already connected");
    }
}
