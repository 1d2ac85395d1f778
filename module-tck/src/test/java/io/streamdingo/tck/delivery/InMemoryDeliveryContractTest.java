package io.streamdingo.tck.delivery;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import java.time.Clock;

/** The delivery contract against the in-memory reference delivery. */
class InMemoryDeliveryContractTest extends DeliveryContract {

    @Override
    protected Subscriptions newSubscriptions(EventStore store, Topology topology, OffsetStore offsets, Clock clock) {
        return EventStores.inMemorySubscriptions(store, topology, offsets, clock);
    }
}
