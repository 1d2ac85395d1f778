package io.streamdingo.store.jpa;

/** The whole event-store contract, unchanged, on PostgreSQL. */
class PostgresEventStoreContractTest extends JpaStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
