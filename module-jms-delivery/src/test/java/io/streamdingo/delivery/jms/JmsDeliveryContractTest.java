package io.streamdingo.delivery.jms;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.tck.delivery.DeliveryContract;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The delivery contract on a real Artemis broker in the test JVM: persistent events travel store → outbox
 * relay (every 20 ms) → broker → the subscription's durable queue → the engine's rules; ephemeral ones are
 * sent to the broker directly. A new delivery is a process start: the previous one is closed first, as a
 * crash would close its connections, so the broker hands its unacknowledged messages to the new one.
 */
class JmsDeliveryContractTest extends DeliveryContract {

    private static EmbeddedBroker broker;

    private final ScheduledExecutorService relayTimer = Executors.newSingleThreadScheduledExecutor();
    private final ArrivalTracking tracking = new ArrivalTracking();
    private Subscriptions running;
    private OutboxRelay relay;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedBroker(3);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Override
    protected Subscriptions newSubscriptions(
            StoreEngine engine, Topology topology, OffsetStore offsets, DeadLetterStore deadLetters, Clock clock) {
        stopProcess();
        relay = EventStores.outboxRelay(
                engine,
                topology,
                tracking.publisher(new JmsEventPublisher(broker.connectionFactory(), "sd")),
                EventStores.inMemoryOffsetStore());
        OutboxRelay current = relay;
        relayTimer.scheduleWithFixedDelay(() -> runQuietly(current), 0, 20, TimeUnit.MILLISECONDS);
        running = EventStores.subscriptions(
                engine,
                topology,
                offsets,
                deadLetters,
                clock,
                tracking.transport(new JmsDeliveryTransport(broker.connectionFactory(), "sd")),
                EventStores.defaultMember());
        return running;
    }

    @Override
    protected void awaitInFlight() {
        if (relay != null) {
            relay.publishPending();
        }
        tracking.awaitArrivals(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopProcess() {
        if (running != null) {
            running.close();
            running = null;
        }
        if (relay != null) {
            relay.stop();
            relay = null;
        }
    }

    @AfterEach
    void stopTimer() {
        relayTimer.shutdownNow();
    }

    private static void runQuietly(OutboxRelay relay) {
        try {
            relay.publishPending();
        } catch (RuntimeException e) {
            // stopped, or lost its lease to the next process: the next process's relay takes over
        }
    }
}
