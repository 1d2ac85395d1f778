package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.tck.store.SnapshotStoreContract;

/** The snapshot contract against the Jakarta Persistence store on H2. */
class H2SnapshotStoreContractTest extends SnapshotStoreContract {

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(TestDatabase.H2.entityManagerFactory());
    }
}
