package io.streamdingo.tck.delivery;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import java.time.Clock;

/** The delivery contract against the in-memory reference delivery. */
class InMemoryDeliveryContractTest extends DeliveryContract {

    @Override
    protected Subscriptions newSubscriptions(
            StoreEngine engine, Topology topology, OffsetStore offsets, DeadLetterStore deadLetters, Clock clock) {
        return EventStores.inMemorySubscriptions(engine, topology, offsets, deadLetters, clock);
    }
}
