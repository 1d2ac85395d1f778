package io.streamdingo.tck.delivery;

import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.engine.EventStores;

/** The offset contract against the in-memory reference store. */
class InMemoryOffsetStoreContractTest extends OffsetStoreContract {

    @Override
    protected OffsetStore newOffsetStore() {
        return EventStores.inMemoryOffsetStore();
    }
}
