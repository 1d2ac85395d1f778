package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.tck.store.EventStoreContract;

/** The whole event-store contract, unchanged, on MariaDb. */
class MariaDbEventStoreContractTest extends EventStoreContract {

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(TestDatabase.MARIADB.entityManagerFactory());
    }
}
