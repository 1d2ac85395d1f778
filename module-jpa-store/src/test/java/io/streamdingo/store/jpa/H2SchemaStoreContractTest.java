package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.tck.store.SchemaStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema-store contract on the table {@code sd_event_schemas}, in a schema of its own. */
class H2SchemaStoreContractTest extends SchemaStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    @Override
    protected SchemaStore newSchemaStore() {
        return new JpaSchemaStore(SCHEMA.entityManagerFactory());
    }
}
