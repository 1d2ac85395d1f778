package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.tck.delivery.ProcessedEventsContract;
import java.time.Clock;

/** The processed-events contract against the Jakarta Persistence store on MariaDB. */
class MariaDbProcessedEventsContractTest extends ProcessedEventsContract {

    @Override
    protected ProcessedEvents newProcessedEvents() {
        return new JpaProcessedEvents(TestDatabase.MARIADB.entityManagerFactory(), Clock.systemUTC());
    }
}
