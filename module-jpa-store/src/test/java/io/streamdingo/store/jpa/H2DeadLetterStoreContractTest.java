package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.tck.delivery.DeadLetterStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dead-letter contract on the table {@code sd_dead_letters}, in a schema of its own. */
class H2DeadLetterStoreContractTest extends DeadLetterStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    @Override
    protected DeadLetterStore newDeadLetterStore() {
        return new JpaDeadLetterStore(SCHEMA.entityManagerFactory());
    }
}
