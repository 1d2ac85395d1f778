package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.tck.delivery.OffsetStoreContract;

/** The offset contract against the Jakarta Persistence store on H2. */
class H2OffsetStoreContractTest extends OffsetStoreContract {

    @Override
    protected OffsetStore newOffsetStore() {
        return new JpaOffsetStore(TestDatabase.H2.entityManagerFactory());
    }
}
