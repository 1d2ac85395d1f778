package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DeliveryTransport} and the {@link EventPublisher} that feeds it (JMS-2): what the
 * engine relies on when it merges a broker's queues with its store. Published messages reach the queues of
 * their stream's subscriptions in order, wait there for a consumer, stay a channel's until acknowledged and go
 * back to the queue when it closes; a message published twice arrives once; the modes share a queue as they
 * say. Extend it with a fresh transport per test; the in-memory broker and the Jakarta Messaging delivery pass
 * it unchanged.
 */
public abstract class TransportContract {

    /** A transport and the publisher that feeds it, over one broker. */
    public record Broker(DeliveryTransport transport, EventPublisher publisher) {}

    private static final AtomicLong POSITIONS = new AtomicLong();

    private Broker broker;
    private final String category = "tp_" + UUID.randomUUID().toString().substring(0, 8);

    /** A new transport and publisher over a broker with nothing of this test's names on it. */
    protected abstract Broker newBroker();

    /** How long a message may take from the publisher to a channel. */
    protected Duration arrivalTime() {
        return Duration.ofSeconds(5);
    }

    @BeforeEach
    final void connect() {
        broker = newBroker();
    }

    @AfterEach
    final void disconnect() {
        broker.transport().close();
        broker.publisher().close();
    }

    private SubscriptionDefinition subscription(String name, SubscriptionMode mode) {
        return SubscriptionDefinition.of(category + "-" + name, category, mode);
    }

    private void declare(SubscriptionDefinition... subscriptions) {
        broker.transport().declare(Topology.of(List.of(StreamDefinition.persistent(category)), subscriptions));
    }

    private StoredEvent event(String stream, long version) {
        return new StoredEvent(
                UUID.randomUUID(),
                StreamId.of(category, stream),
                version,
                POSITIONS.incrementAndGet(),
                "tck.ItemAdded",
                1,
                Instant.now(),
                EventMetadata.empty(),
                "{}".getBytes(StandardCharsets.UTF_8),
                "");
    }

    private void publish(StoredEvent... events) {
        broker.publisher().publish(category, List.of(events));
    }

    /** Collects what arrives on {@code channel} until {@code count} messages came or the arrival time passed. */
    private List<StoredEvent> receive(TransportChannel channel, int count) {
        List<StoredEvent> arrived = new ArrayList<>();
        long deadline = System.nanoTime() + arrivalTime().toNanos();
        while (arrived.size() < count && System.nanoTime() < deadline) {
            arrived.addAll(channel.arrived());
            pause();
        }
        return arrived;
    }

    /** Collects what arrives on {@code channel} for a short while: nothing is expected. */
    private List<StoredEvent> quiet(TransportChannel channel) {
        List<StoredEvent> arrived = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < deadline) {
            arrived.addAll(channel.arrived());
            pause();
        }
        return arrived;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<UUID> ids(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::eventId).toList();
    }

    @Test
    void publishedMessagesArriveInOrderWithTheirEnvelope() {
        SubscriptionDefinition audit = subscription("audit", SubscriptionMode.EXCLUSIVE);
        declare(audit);
        TransportChannel channel = broker.transport().open(audit, audit.name());
        StoredEvent first = event("a", 1);
        StoredEvent second = event("a", 2);

        publish(first, second);

        List<StoredEvent> arrived = receive(channel, 2);
        assertThat(ids(arrived)).containsExactly(first.eventId(), second.eventId());
        assertThat(arrived.get(0).streamId()).isEqualTo(first.streamId());
        assertThat(arrived.get(0).globalPosition()).isEqualTo(first.globalPosition());
        assertThat(arrived.get(0).payload()).isEqualTo(first.payload());
    }

    @Test
    void messagesPublishedAfterTheDeclarationWaitForTheFirstChannel() {
        SubscriptionDefinition audit = subscription("audit", SubscriptionMode.EXCLUSIVE);
        declare(audit);
        StoredEvent waiting = event("a", 1);
        publish(waiting);

        TransportChannel channel = broker.transport().open(audit, audit.name());

        assertThat(ids(receive(channel, 1))).containsExactly(waiting.eventId());
    }

    @Test
    void anUnacknowledgedMessageArrivesAgainAfterItsChannelClosesAndAnAcknowledgedOneDoesNot() {
        SubscriptionDefinition audit = subscription("audit", SubscriptionMode.EXCLUSIVE);
        declare(audit);
        TransportChannel first = broker.transport().open(audit, audit.name());
        StoredEvent settled = event("a", 1);
        StoredEvent unsettled = event("a", 2);
        publish(settled, unsettled);
        List<StoredEvent> arrived = receive(first, 2);
        first.acknowledge(arrived.get(0));
        pauseFor(Duration.ofMillis(200)); // acknowledgements may travel
        first.close();

        TransportChannel second = broker.transport().open(audit, audit.name());

        assertThat(ids(receive(second, 1))).containsExactly(unsettled.eventId());
        assertThat(quiet(second)).isEmpty();
    }

    @Test
    void aMessagePublishedTwiceArrivesOnce() {
        SubscriptionDefinition audit = subscription("audit", SubscriptionMode.EXCLUSIVE);
        declare(audit);
        TransportChannel channel = broker.transport().open(audit, audit.name());
        StoredEvent event = event("a", 1);

        publish(event);
        publish(event); // a relay that died before saving its position publishes the batch again

        assertThat(ids(receive(channel, 1))).containsExactly(event.eventId());
        assertThat(quiet(channel)).isEmpty();
    }

    @Test
    void aConsumerGroupKeepsEachStreamOnOneChannelInOrder() {
        SubscriptionDefinition billing = subscription("billing", SubscriptionMode.CONSUMER_GROUP);
        declare(billing);
        TransportChannel one = broker.transport().open(billing, billing.name());
        TransportChannel two = broker.transport().open(billing, billing.name());
        List<StoredEvent> published = new ArrayList<>();
        for (int version = 1; version <= 5; version++) {
            for (String stream : List.of("a", "b", "c", "d")) {
                published.add(event(stream, version));
            }
        }

        publish(published.toArray(StoredEvent[]::new));

        List<StoredEvent> onOne = new ArrayList<>();
        List<StoredEvent> onTwo = new ArrayList<>();
        long deadline = System.nanoTime() + arrivalTime().toNanos();
        while (onOne.size() + onTwo.size() < published.size() && System.nanoTime() < deadline) {
            onOne.addAll(one.arrived());
            onTwo.addAll(two.arrived());
            pause();
        }
        assertThat(onOne.size() + onTwo.size()).isEqualTo(published.size());
        Map<StreamId, List<Long>> versionsOnOne = versionsByStream(onOne);
        Map<StreamId, List<Long>> versionsOnTwo = versionsByStream(onTwo);
        java.util.Set<StreamId> onBoth = new java.util.HashSet<>(versionsOnOne.keySet());
        onBoth.retainAll(versionsOnTwo.keySet());
        assertThat(onBoth).as("streams whose messages went to both channels").isEmpty();
        versionsOnOne.values().forEach(versions -> assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L));
        versionsOnTwo.values().forEach(versions -> assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L));
    }

    @Test
    void anExclusiveQueueServesOneChannelAndTheNextTakesOverWhatItHeld() {
        SubscriptionDefinition audit = subscription("audit", SubscriptionMode.EXCLUSIVE);
        declare(audit);
        TransportChannel active = broker.transport().open(audit, audit.name());
        TransportChannel standby = broker.transport().open(audit, audit.name());
        StoredEvent event = event("a", 1);

        publish(event);

        assertThat(ids(receive(active, 1))).containsExactly(event.eventId());
        assertThat(quiet(standby)).isEmpty();
        active.close();
        assertThat(ids(receive(standby, 1))).containsExactly(event.eventId());
    }

    @Test
    void eachBroadcastConsumerKeyHasAQueueOfItsOwn() {
        SubscriptionDefinition feed = subscription("feed", SubscriptionMode.BROADCAST);
        declare(feed);
        TransportChannel ann = broker.transport().open(feed, "ann");
        TransportChannel bob = broker.transport().open(feed, "bob");
        StoredEvent event = event("a", 1);

        publish(event);

        assertThat(ids(receive(ann, 1))).containsExactly(event.eventId());
        assertThat(ids(receive(bob, 1))).containsExactly(event.eventId());
    }

    @Test
    void anEphemeralMessageSentArrives() {
        SubscriptionDefinition audit = subscription("audit", SubscriptionMode.EXCLUSIVE)
                .startingAt(io.streamdingo.api.streams.StartPosition.latest());
        StreamDefinition ephemeral = StreamDefinition.ephemeral(category);
        broker.transport().declare(Topology.of(List.of(ephemeral), List.of(audit)));
        TransportChannel channel = broker.transport().open(audit, audit.name());
        StoredEvent event = event("a", 1);

        broker.transport().send(ephemeral, event);

        assertThat(ids(receive(channel, 1))).containsExactly(event.eventId());
    }

    private static Map<StreamId, List<Long>> versionsByStream(List<StoredEvent> events) {
        Map<StreamId, List<Long>> versions = new HashMap<>();
        events.forEach(e ->
                versions.computeIfAbsent(e.streamId(), s -> new ArrayList<>()).add(e.streamVersion()));
        return versions;
    }

    private static void pauseFor(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
