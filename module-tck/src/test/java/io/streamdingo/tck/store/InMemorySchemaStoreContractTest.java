package io.streamdingo.tck.store;

import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.engine.EventStores;

class InMemorySchemaStoreContractTest extends SchemaStoreContract {

    @Override
    protected SchemaStore newSchemaStore() {
        return EventStores.inMemorySchemaStore();
    }
}
