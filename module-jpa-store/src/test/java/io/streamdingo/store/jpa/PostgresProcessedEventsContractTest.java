package io.streamdingo.store.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The processed-events contract against the Jakarta Persistence store on PostgreSQL. */
class PostgresProcessedEventsContractTest extends JpaProcessedEventsContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    @Override
    TestSchema schema() {
        return SCHEMA;
    }
}
