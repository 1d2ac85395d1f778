package io.streamdingo.store.jpa;

/** The whole event-store contract, unchanged, on H2. */
class H2EventStoreContractTest extends JpaStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
