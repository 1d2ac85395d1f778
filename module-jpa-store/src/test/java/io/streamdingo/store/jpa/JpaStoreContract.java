package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.tck.store.EventStoreContract;
import io.streamdingo.tck.store.StoreTampering;
import java.util.List;
import java.util.Optional;

/**
 * The whole event-store contract on one test database: its store, its snapshot store, its key store, tampering by
 * SQL.
 */
abstract class JpaStoreContract extends EventStoreContract {

    abstract TestSchema schema();

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(schema().entityManagerFactory());
    }

    @Override
    protected Optional<StoreTampering> storageTampering(EventStoreBackend backend) {
        return Optional.of(schema().tampering());
    }

    @Override
    protected SubjectKeyStore newSubjectKeyStore() {
        return new JpaSubjectKeyStore(schema().entityManagerFactory(), MasterKeys.FIRST, List.of());
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new JpaSnapshotStore(schema().entityManagerFactory());
    }
}
