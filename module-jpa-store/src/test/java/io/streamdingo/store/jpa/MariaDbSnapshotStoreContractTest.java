package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.tck.store.SnapshotStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snapshot contract against the Jakarta Persistence store on MariaDB. */
class MariaDbSnapshotStoreContractTest extends SnapshotStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.MARIADB);

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(SCHEMA.entityManagerFactory());
    }
}
