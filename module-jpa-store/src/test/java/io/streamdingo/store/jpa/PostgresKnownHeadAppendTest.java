package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On PostgreSQL an append to a stream this process wrote last moves the head it knows with one conditional
 * update: when another server moved the stream meanwhile it falls back to the locking path and lands after
 * that server's events; a stale expected version still fails and writes nothing.
 */
class PostgresKnownHeadAppendTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private final StreamId stream = StreamId.of("cart", "round-trips-" + UUID.randomUUID());
    private EntityManagerFactory factory;
    private EventStore store;

    @BeforeEach
    void openStore() {
        factory = Persistence.createEntityManagerFactory(
                "streamdingo-test", Map.of("jakarta.persistence.nonJtaDataSource", SCHEMA.dataSource()));
        store = EventStores.builder()
                .backend(new JpaEventStoreBackend(factory))
                .register(ItemAdded.class)
                .build();
    }

    @AfterEach
    void close() {
        store.close();
        factory.close();
    }

    private static NewEvent item(String sku) {
        return NewEvent.of(new ItemAdded(sku, 1));
    }

    @Test
    void anAppendAfterAnotherServerMovedTheStreamFallsBackAndLandsAfterItsEvents() {
        store.append(stream, ExpectedVersion.noStream(), item("a"));
        EntityManagerFactory otherFactory = SCHEMA.anotherServer();
        try (EventStore other = EventStores.builder()
                .backend(new JpaEventStoreBackend(otherFactory))
                .register(ItemAdded.class)
                .build()) {
            AppendResult theirs = other.append(stream, ExpectedVersion.exact(1), item("b"));

            AppendResult ours = store.append(stream, ExpectedVersion.any(), item("c"));

            assertThat(ours.firstVersion()).isEqualTo(3);
            assertThat(ours.lastGlobalPosition()).isGreaterThan(theirs.lastGlobalPosition());
            assertThat(store.verify(stream).intact()).isTrue();
        } finally {
            otherFactory.close();
        }
    }

    @Test
    void aStaleExpectedVersionOnTheOneStatementPathFailsAndWritesNothing() {
        store.append(stream, ExpectedVersion.noStream(), item("a"));
        store.append(stream, ExpectedVersion.exact(1), item("b"));

        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exact(1), item("c")))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(store.currentVersion(stream)).isEqualTo(2);
        assertThat(store.read(stream).count()).isEqualTo(2);
    }
}
