package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.tck.delivery.ProcessedEventsContract;
import java.sql.SQLException;
import java.time.Clock;

/** The processed-events contract on one test database: its table, and its own way of showing a lock wait. */
abstract class JpaProcessedEventsContract extends ProcessedEventsContract {

    abstract TestSchema schema();

    @Override
    protected ProcessedEvents newProcessedEvents() {
        return new JpaProcessedEvents(schema().entityManagerFactory(), Clock.systemUTC());
    }

    @Override
    protected void awaitWaitingForTheFirst(Thread duplicate) throws InterruptedException {
        try {
            schema().awaitLockWait(duplicate);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the database for lock waits", e);
        }
    }
}
