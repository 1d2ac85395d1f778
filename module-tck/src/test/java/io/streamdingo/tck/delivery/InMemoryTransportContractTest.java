package io.streamdingo.tck.delivery;

import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.InMemoryBroker;

class InMemoryTransportContractTest extends TransportContract {

    @Override
    protected Broker newBroker() {
        InMemoryBroker broker = EventStores.inMemoryBroker();
        return new Broker(broker, broker);
    }
}
