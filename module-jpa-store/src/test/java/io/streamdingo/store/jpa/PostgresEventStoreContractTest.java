package io.streamdingo.store.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole event-store contract, unchanged, on PostgreSQL. */
class PostgresEventStoreContractTest extends JpaStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    @Override
    TestSchema schema() {
        return SCHEMA;
    }
}
