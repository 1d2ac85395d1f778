package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.tck.delivery.ProcessedEventsContract;
import java.time.Clock;

/** The processed-events contract against the Jakarta Persistence store on PostgreSQL. */
class PostgresProcessedEventsContractTest extends ProcessedEventsContract {

    @Override
    protected ProcessedEvents newProcessedEvents() {
        return new JpaProcessedEvents(TestDatabase.POSTGRESQL.entityManagerFactory(), Clock.systemUTC());
    }
}
