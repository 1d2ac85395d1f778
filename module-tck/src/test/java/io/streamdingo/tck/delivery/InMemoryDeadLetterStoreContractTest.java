package io.streamdingo.tck.delivery;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.engine.EventStores;

class InMemoryDeadLetterStoreContractTest extends DeadLetterStoreContract {

    @Override
    protected DeadLetterStore newDeadLetterStore() {
        return EventStores.inMemoryDeadLetterStore();
    }
}
