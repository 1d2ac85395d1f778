package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.tck.store.SnapshotStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snapshot contract against the Jakarta Persistence store on PostgreSQL. */
class PostgresSnapshotStoreContractTest extends SnapshotStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(SCHEMA.entityManagerFactory());
    }
}
