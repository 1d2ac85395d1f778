package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.tck.delivery.OffsetStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The offset contract against the Jakarta Persistence store on MariaDB. */
class MariaDbOffsetStoreContractTest extends OffsetStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.MARIADB);

    @Override
    protected OffsetStore newOffsetStore() {
        return new JpaOffsetStore(SCHEMA.entityManagerFactory());
    }
}
