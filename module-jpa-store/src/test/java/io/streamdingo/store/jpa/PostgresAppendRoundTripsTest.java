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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On PostgreSQL an append to a stream this process wrote last locks the stream, moves its head and takes its
 * positions in one statement; the insert is the second. Round trips, not the database's work, bound how many
 * single-event transactions a writer commits per second.
 */
class PostgresAppendRoundTripsTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private final StreamId stream = StreamId.of("cart", "round-trips-" + UUID.randomUUID());
    private final AtomicLong statements = new AtomicLong();
    private EntityManagerFactory countedFactory;
    private EventStore store;

    @BeforeEach
    void openCountedStore() {
        countedFactory = Persistence.createEntityManagerFactory(
                "streamdingo-test",
                Map.of(
                        "jakarta.persistence.nonJtaDataSource",
                        CountingDataSource.counting(SCHEMA.dataSource(), statements)));
        store = EventStores.builder()
                .backend(new JpaEventStoreBackend(countedFactory))
                .register(ItemAdded.class)
                .build();
    }

    @AfterEach
    void close() {
        store.close();
        countedFactory.close();
    }

    private static NewEvent item(String sku) {
        return NewEvent.of(new ItemAdded(sku, 1));
    }

    @Test
    void anAppendToAStreamThisProcessWroteLastTakesTwoStatements() {
        store.append(stream, ExpectedVersion.noStream(), item("a"));
        statements.set(0);

        AppendResult result = store.append(stream, ExpectedVersion.exact(1), item("b"));

        assertThat(result.currentVersion()).isEqualTo(2);
        assertThat(statements.get())
                .as("statements for one append to a known stream")
                .isEqualTo(2);
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
