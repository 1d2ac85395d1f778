package io.streamdingo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.demo.bank.Account;
import io.streamdingo.demo.bank.AccountHandlers;
import io.streamdingo.demo.bank.AccountService;
import io.streamdingo.demo.bank.BankEvents.MoneyDeposited;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Open Liberty, on H2 and on PostgreSQL: a snapshot written while the business transaction runs never
 * harms that transaction, even when another server writes the very same snapshot at the same moment.
 */
@ExtendWith(ArquillianExtension.class)
class SnapshotInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return DemoDeployment.with(SnapshotInContainerIT.class, "snapshots");
    }

    @Inject
    EventStore store;

    @Inject
    AccountService accounts;

    @Resource(lookup = "jdbc/streamdingo")
    DataSource database;

    @Test
    void anEjbWhoseLoadMeetsAConcurrentWriterOfTheSameSnapshotStillCommits() throws Exception {
        String id = accounts.open("Concurrent", "EUR").id();
        StreamId stream = AccountHandlers.ACCOUNTS.streamId(id);
        List<NewEvent> deposits = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            deposits.add(NewEvent.of(new MoneyDeposited(BigDecimal.ONE)));
        }
        store.append(stream, ExpectedVersion.exact(1), deposits); // the next full load snapshots version 121

        // another server stores the snapshot of version 121 and has not committed yet
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> otherServer = CompletableFuture.runAsync(() -> {
            try (Connection connection = database.getConnection()) {
                connection.setAutoCommit(false);
                insertSnapshot(connection, id, 121);
                inserted.countDown();
                commit.await(30, TimeUnit.SECONDS);
                connection.commit();
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(inserted.await(30, TimeUnit.SECONDS), "the other server's insert ran");

        // the EJB's transaction: load (full replay, then the snapshot of 121 meets the other server's row), deposit
        AtomicReference<Thread> ejbThread = new AtomicReference<>();
        CompletableFuture<Account> deposit = CompletableFuture.supplyAsync(() -> {
            ejbThread.set(Thread.currentThread());
            return accounts.deposit(id, BigDecimal.ONE);
        });
        awaitSnapshotWriteWaiting(ejbThread);
        commit.countDown();
        otherServer.get(30, TimeUnit.SECONDS);

        Account deposited = deposit.get(30, TimeUnit.SECONDS);
        assertEquals(122, deposited.version());
        assertEquals(122, store.currentVersion(stream)); // the business transaction committed
        assertEquals(0, new BigDecimal("121").compareTo(accounts.load(id).balance()));
    }

    /** The snapshot row another server would write, its state left empty: only the key matters here. */
    private static void insertSnapshot(Connection connection, String id, long version) throws SQLException {
        boolean postgres =
                connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String json = postgres ? "CAST(? AS jsonb)" : "?";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sd_snapshots (stream_category,"
                + " stream_id, state_type, stream_version, state, state_hash, handler_fingerprints, created_at)"
                + " VALUES (?, ?, ?, ?, " + json + ", ?, " + json + ", ?)")) {
            insert.setString(1, AccountHandlers.ACCOUNTS.category());
            insert.setString(2, id);
            insert.setString(3, AccountHandlers.ACCOUNTS.category());
            insert.setLong(4, version);
            insert.setString(5, "{}");
            insert.setString(6, "0".repeat(64));
            insert.setString(7, "{}");
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /**
     * Waits until the EJB's snapshot write waits for the other server's uncommitted row: on PostgreSQL a
     * session waiting for a lock; on H2 the thread inside H2's unique-key wait.
     */
    private void awaitSnapshotWriteWaiting(AtomicReference<Thread> ejbThread) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Thread thread = ejbThread.get();
            if (thread != null && Arrays.stream(thread.getStackTrace()).anyMatch(SnapshotInContainerIT::isH2Wait)) {
                return;
            }
            try (Connection connection = database.getConnection()) {
                if (connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase()
                        .contains("postgres")) {
                    try (PreparedStatement waiting = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                                    + " WHERE wait_event_type = 'Lock' AND datname = current_database()");
                            ResultSet count = waiting.executeQuery()) {
                        if (count.next() && count.getLong(1) > 0) {
                            return;
                        }
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the EJB's snapshot write never waited for the other server's row");
    }

    private static boolean isH2Wait(StackTraceElement frame) {
        return frame.getClassName().equals("org.h2.mvstore.db.MVSecondaryIndex")
                        && frame.getMethodName().equals("checkUnique")
                || frame.getClassName().equals("org.h2.mvstore.tx.Transaction")
                        && frame.getMethodName().startsWith("waitFor");
    }
}
