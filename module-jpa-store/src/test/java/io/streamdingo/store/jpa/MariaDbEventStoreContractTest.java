package io.streamdingo.store.jpa;

/** The whole event-store contract, unchanged, on MariaDB. */
class MariaDbEventStoreContractTest extends JpaStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
