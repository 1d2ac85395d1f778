package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.tck.store.SnapshotStoreContract;

/** The snapshot contract against the Jakarta Persistence store on PostgreSQL. */
class PostgresSnapshotStoreContractTest extends SnapshotStoreContract {

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(TestDatabase.POSTGRESQL.entityManagerFactory());
    }
}
