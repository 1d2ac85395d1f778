package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.tck.store.SubjectKeyStoreContract;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key-store contract on the table {@code sd_subject_keys}, in a schema of its own. */
class H2SubjectKeyStoreContractTest extends SubjectKeyStoreContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    @Override
    protected SubjectKeyStore newKeyStore() {
        return new JpaSubjectKeyStore(SCHEMA.entityManagerFactory(), MasterKeys.FIRST, List.of());
    }
}
