package io.streamdingo.tck.store;

import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.engine.EventStores;

/** The snapshot contract against the in-memory reference store. */
class InMemorySnapshotStoreContractTest extends SnapshotStoreContract {

    @Override
    protected SnapshotStore newSnapshotStore() {
        return EventStores.inMemorySnapshotStore();
    }
}
