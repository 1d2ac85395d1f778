package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL derives global positions from transaction ids; a store copied into another cluster (whose ids
 * start again lower) must still put new events after its stored ones.
 */
class PostgresGlobalOrderOffsetTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private EventStore store;
    private final StreamId stream = StreamId.of("ledger", "s-" + UUID.randomUUID());

    @BeforeEach
    void open() {
        store = EventStores.builder()
                .backend(new JpaEventStoreBackend(SCHEMA.entityManagerFactory()))
                .register(ItemAdded.class)
                .build();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void afterACopyIntoAClusterWithYoungerTransactionIdsTheNextStartPutsNewEventsAfterTheStoredOnes()
            throws SQLException {
        // given a stored event, and the database's transaction ids now far below its position
        AppendResult stored = append();
        moveTransactionIdsBelow(stored.lastGlobalPosition());

        // when the store starts again (migrations run at every start)
        SchemaMigrations.migrate(SCHEMA.dataSource());
        AppendResult next = append();

        // then the new event comes after it, and a reader that had read the first one finds the second
        assertThat(next.lastGlobalPosition()).isGreaterThan(stored.lastGlobalPosition());
        assertThat(store.readAll(stored.lastGlobalPosition())
                        .map(RecordedEvent::globalPosition)
                        .toList())
                .contains(next.lastGlobalPosition());
        assertThat(store.headPosition()).isEqualTo(next.lastGlobalPosition());
    }

    @Test
    void aStartWhoseTransactionIdsAreAheadLeavesTheOffsetAsItIs() throws SQLException {
        AppendResult stored = append();
        long before = offset();

        SchemaMigrations.migrate(SCHEMA.dataSource());

        assertThat(offset()).isEqualTo(before);
        assertThat(append().lastGlobalPosition()).isGreaterThan(stored.lastGlobalPosition());
    }

    private AppendResult append() {
        return store.append(stream, ExpectedVersion.any(), List.of(NewEvent.of(new ItemAdded("sku", 1))));
    }

    /** What restoring a dump into a new cluster does to the ids: they restart about a million below. */
    private static void moveTransactionIdsBelow(long position) throws SQLException {
        try (Connection c = SCHEMA.dataSource().getConnection();
                PreparedStatement update =
                        c.prepareStatement("UPDATE sd_global_position SET xid_offset = xid_offset - ? WHERE id = 1")) {
            update.setLong(1, (position >> 20) + 1_000_000);
            update.executeUpdate();
        }
    }

    private static long offset() throws SQLException {
        try (Connection c = SCHEMA.dataSource().getConnection();
                var statement = c.createStatement();
                var row = statement.executeQuery("SELECT xid_offset FROM sd_global_position")) {
            row.next();
            return row.getLong(1);
        }
    }
}
