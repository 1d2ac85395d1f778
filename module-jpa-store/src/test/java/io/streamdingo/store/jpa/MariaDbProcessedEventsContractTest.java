package io.streamdingo.store.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The processed-events contract against the Jakarta Persistence store on MariaDB. */
class MariaDbProcessedEventsContractTest extends JpaProcessedEventsContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.MARIADB);

    @Override
    TestSchema schema() {
        return SCHEMA;
    }
}
