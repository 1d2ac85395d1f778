package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.store.LogCapture;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers on one PostgreSQL store: each hears of the other's committed appends through LISTEN/NOTIFY,
 * not of its own twice, and keeps hearing after its notification connections are cut.
 */
class PostgresAppendNotificationsTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private static final ThreadFactory DAEMONS = task -> {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    };

    private final String category = "ledger" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> heardOnB = new CopyOnWriteArrayList<>();
    private LogCapture logged;
    private EntityManagerFactory secondFactory;
    private JpaEventStoreBackend backendA;
    private JpaEventStoreBackend backendB;
    private StoreEngine serverA;
    private StoreEngine serverB;

    @BeforeEach
    void startTwoServers() {
        logged = LogCapture.of(AppendNotifications.class.getName());
        secondFactory = SCHEMA.anotherServer();
        backendA = new JpaEventStoreBackend(SCHEMA.entityManagerFactory());
        backendB = new JpaEventStoreBackend(secondFactory);
        assertThat(backendA.notifyOtherProcesses(DAEMONS)).isTrue();
        assertThat(backendB.notifyOtherProcesses(DAEMONS)).isTrue();
        backendB.onCommitted(committed -> {
            if (committed.equals(category)) {
                heardOnB.add(committed);
            }
        });
        serverA = EventStores.builder()
                .backend(backendA)
                .register(ItemAdded.class)
                .buildEngine();
        serverB = EventStores.builder()
                .backend(backendB)
                .register(ItemAdded.class)
                .buildEngine();
    }

    @AfterEach
    void stopServers() {
        serverA.close();
        serverB.close();
        secondFactory.close();
        logged.close();
    }

    @Test
    void anAppendCommittedOnOneServerIsHeardOnTheOther() {
        appendOn(serverA);

        awaitUntil(() -> heardOnB.size() == 1, "server B heard of server A's append");
    }

    @Test
    void aServerHearsOfItsOwnAppendOnceNotAgainThroughTheDatabase() throws Exception {
        appendOn(serverB);
        Thread.sleep(1_000);

        assertThat(heardOnB).hasSize(1);
    }

    @Test
    void afterItsConnectionsAreCutAServerHearsOfTheOthersAppendsAgainAndSaysSoOnce() throws Exception {
        // given both servers' notification connections terminated by the database
        appendOn(serverA);
        awaitUntil(() -> heardOnB.size() == 1, "the first append was heard");
        terminateNotificationConnections();

        // when server A appends again
        awaitUntil(
                () -> {
                    appendOn(serverA);
                    return heardOnB.size() >= 2;
                },
                "server B heard of an append after the cut");

        // then each lost connection was reported once, and its return
        assertThat((long) logged.at(Level.WARNING).size())
                .as("warnings: at most one per notification thread (two per server)")
                .isBetween(1L, 4L);
        awaitUntil(() -> !logged.at(Level.INFO).isEmpty(), "a line saying the notifications work again");
    }

    private void appendOn(StoreEngine server) {
        server.store()
                .append(
                        StreamId.of(category, "s-" + UUID.randomUUID()),
                        ExpectedVersion.noStream(),
                        NewEvent.of(new ItemAdded("sku", 1)));
    }

    /** What a database restart or failover does to them: pg_terminate_backend on every listening or notifying one. */
    private static void terminateNotificationConnections() throws Exception {
        try (Connection admin = SCHEMA.dataSource().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND datname = current_database() AND query LIKE '%" + AppendNotifications.CHANNEL + "%'");
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
