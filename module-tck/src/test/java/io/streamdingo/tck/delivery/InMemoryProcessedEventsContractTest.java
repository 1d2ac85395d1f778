package io.streamdingo.tck.delivery;

import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.engine.EventStores;
import java.time.Clock;

/** The processed-events contract against the in-memory reference table. */
class InMemoryProcessedEventsContractTest extends ProcessedEventsContract {

    @Override
    protected ProcessedEvents newProcessedEvents() {
        return EventStores.inMemoryProcessedEvents(Clock.systemUTC());
    }
}
