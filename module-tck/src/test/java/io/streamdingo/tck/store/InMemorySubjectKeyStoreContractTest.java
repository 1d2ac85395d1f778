package io.streamdingo.tck.store;

import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.engine.EventStores;

/** The key-store contract on the in-memory reference implementation. */
class InMemorySubjectKeyStoreContractTest extends SubjectKeyStoreContract {

    private SubjectKeyStore current;

    @Override
    protected SubjectKeyStore newKeyStore() {
        current = EventStores.inMemorySubjectKeyStore();
        return current;
    }

    @Override
    protected SubjectKeyStore newKeyStoreSharingData() {
        return current;
    }
}
