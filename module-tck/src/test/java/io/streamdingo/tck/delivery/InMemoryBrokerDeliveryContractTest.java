package io.streamdingo.tck.delivery;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.InMemoryBroker;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * The delivery contract through the transport path, without a broker process: the in-memory broker behind
 * the engine's merging of store and queues, fed by an outbox relay, so that what the Jakarta Messaging
 * delivery relies on is tested on every build.
 */
class InMemoryBrokerDeliveryContractTest extends DeliveryContract {

    /** The broker outlives the deliveries of one test, as a broker outlives the processes that use it. */
    private final InMemoryBroker broker = EventStores.inMemoryBroker();

    private final ScheduledExecutorService relayTimer = Executors.newSingleThreadScheduledExecutor();
    private OutboxRelay relay;
    private Subscriptions running;

    @Override
    protected Subscriptions newSubscriptions(
            StoreEngine engine, Topology topology, OffsetStore offsets, DeadLetterStore deadLetters, Clock clock) {
        stopProcess();
        relay = EventStores.outboxRelay(engine, topology, broker, EventStores.inMemoryOffsetStore());
        OutboxRelay current = relay;
        relayTimer.scheduleWithFixedDelay(() -> publishQuietly(current), 0, 20, TimeUnit.MILLISECONDS);
        running = EventStores.subscriptions(
                engine, topology, offsets, deadLetters, clock, broker, EventStores.defaultMember());
        return running;
    }

    @Override
    protected void awaitInFlight() {
        if (relay != null) {
            relay.publishPending();
        }
    }

    @AfterEach
    void stopProcess() {
        if (running != null) {
            running.close();
            running = null;
        }
        if (relay != null) {
            relay.stop();
        }
    }

    @AfterEach
    void stopRelayTimer() {
        relayTimer.shutdownNow();
    }

    private static void publishQuietly(OutboxRelay relay) {
        try {
            relay.publishPending();
        } catch (RuntimeException e) {
            // the relay was stopped with its process; the next one publishes
        }
    }
}
