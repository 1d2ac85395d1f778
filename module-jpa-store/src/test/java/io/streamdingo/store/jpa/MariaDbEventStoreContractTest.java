package io.streamdingo.store.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole event-store contract, unchanged, on MariaDB. */
class MariaDbEventStoreContractTest extends JpaStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.MARIADB);

    @Override
    TestSchema schema() {
        return SCHEMA;
    }
}
