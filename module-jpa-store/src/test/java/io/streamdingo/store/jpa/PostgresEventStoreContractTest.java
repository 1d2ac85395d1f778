package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.tck.store.EventStoreContract;
import io.streamdingo.tck.store.StoreTampering;
import java.util.Optional;

/** The whole event-store contract, unchanged, on Postgres. */
class PostgresEventStoreContractTest extends EventStoreContract {

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(TestDatabase.POSTGRESQL.entityManagerFactory());
    }

    @Override
    protected Optional<StoreTampering> storageTampering(EventStoreBackend backend) {
        return Optional.of(TestDatabase.POSTGRESQL.tampering());
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(TestDatabase.POSTGRESQL.entityManagerFactory());
    }
}
