package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.tck.delivery.ProcessedEventsContract;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The processed-events contract against the Jakarta Persistence store on PostgreSQL. */
class PostgresProcessedEventsContractTest extends ProcessedEventsContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    @Override
    protected ProcessedEvents newProcessedEvents() {
        return new JpaProcessedEvents(SCHEMA.entityManagerFactory(), Clock.systemUTC());
    }

    @Override
    protected void awaitWaitingForTheFirst(Thread duplicate) throws InterruptedException {
        try {
            SCHEMA.awaitLockWait(duplicate);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the database for lock waits", e);
        }
    }
}
