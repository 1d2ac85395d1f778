package io.streamdingo.store.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The processed-events contract against the Jakarta Persistence store on H2. */
class H2ProcessedEventsContractTest extends JpaProcessedEventsContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    @Override
    TestSchema schema() {
        return SCHEMA;
    }
}
