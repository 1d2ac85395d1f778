package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.tck.store.EventStoreContract;
import io.streamdingo.tck.store.StoreTampering;
import java.util.Optional;

/** The whole event-store contract, unchanged, on H2. */
class H2EventStoreContractTest extends EventStoreContract {

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(TestDatabase.H2.entityManagerFactory());
    }

    @Override
    protected Optional<StoreTampering> storageTampering(EventStoreBackend backend) {
        return Optional.of(TestDatabase.H2.tampering());
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(TestDatabase.H2.entityManagerFactory());
    }
}
