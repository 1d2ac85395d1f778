package io.streamdingo.tck.store;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.engine.EventStores;

/** The whole event-store contract against the in-memory reference backend. */
class InMemoryEventStoreContractTest extends EventStoreContract {

    @Override
    protected EventStoreBackend newBackend() {
        return EventStores.inMemoryBackend();
    }
}
