package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.tck.store.EventStoreContract;

/** The whole event-store contract, unchanged, on H2. */
class H2EventStoreContractTest extends EventStoreContract {

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(TestDatabase.H2.entityManagerFactory());
    }
}
