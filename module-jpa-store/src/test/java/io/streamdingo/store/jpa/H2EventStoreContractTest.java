package io.streamdingo.store.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole event-store contract, unchanged, on H2. */
class H2EventStoreContractTest extends JpaStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    @Override
    TestSchema schema() {
        return SCHEMA;
    }
}
