package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.tck.store.ConcurrencyContract;
import io.streamdingo.tck.store.EventStoreFixture;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ES-2 on PostgreSQL, where concurrent transactions really commit out of order: the contract's tailing
 * reader race (8 writers, one reader) repeated 20 times; a single miss or duplicate fails it.
 */
class PostgresGlobalOrderRaceTest extends EventStoreFixture implements ConcurrencyContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(SCHEMA.entityManagerFactory());
    }

    @RepeatedTest(20)
    void aTailingReaderNeverMissesALateCommit() throws Exception {
        aTailingReaderEndsWithExactlyTheCommittedEventsInOrder();
    }
}
