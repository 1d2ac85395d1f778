package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.tck.delivery.OffsetStoreContract;

/** The offset contract against the Jakarta Persistence store on PostgreSQL. */
class PostgresOffsetStoreContractTest extends OffsetStoreContract {

    @Override
    protected OffsetStore newOffsetStore() {
        return new JpaOffsetStore(TestDatabase.POSTGRESQL.entityManagerFactory());
    }
}
