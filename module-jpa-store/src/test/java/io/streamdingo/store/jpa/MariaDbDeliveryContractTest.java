package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.delivery.DeliveryContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery contract with consumers' positions and dead letters kept in MariaDB: restarts resume from the tables. */
class MariaDbDeliveryContractTest extends DeliveryContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.MARIADB);

    @Override
    protected Subscriptions newSubscriptions(
            StoreEngine engine, Topology topology, OffsetStore offsets, DeadLetterStore deadLetters, Clock clock) {
        return EventStores.inMemorySubscriptions(engine, topology, offsets, deadLetters, clock);
    }

    @Override
    protected OffsetStore newOffsetStore() {
        return new JpaOffsetStore(SCHEMA.entityManagerFactory());
    }

    @Override
    protected DeadLetterStore newDeadLetterStore() {
        return new JpaDeadLetterStore(SCHEMA.entityManagerFactory());
    }
}
