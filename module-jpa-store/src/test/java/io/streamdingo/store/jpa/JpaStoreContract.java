package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.tck.store.EventStoreContract;
import io.streamdingo.tck.store.StoreTampering;
import java.util.Optional;

/** The whole event-store contract on one test database: its store, its snapshot store, tampering by SQL. */
abstract class JpaStoreContract extends EventStoreContract {

    abstract TestDatabase database();

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(database().entityManagerFactory());
    }

    @Override
    protected Optional<StoreTampering> storageTampering(EventStoreBackend backend) {
        return Optional.of(database().tampering());
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(database().entityManagerFactory());
    }
}
