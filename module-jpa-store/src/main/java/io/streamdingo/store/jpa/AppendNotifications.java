package io.streamdingo.store.jpa;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the other processes of a store on PostgreSQL about this process's committed appends, and this process
 * about theirs, with {@code LISTEN}/{@code NOTIFY} on channel {@value #CHANNEL}: the payload is the
 * appending process's id and the category. Their relays and subscriptions then look at once instead of at
 * their next poll.
 *
 * <p>Notifications are sent after the append's commit, from a transaction of their own, never from inside
 * the append: PostgreSQL serialises the commits of notifying transactions, which would make every append
 * wait for the others again. Categories committed while a notification is on its way are sent together
 * afterwards. Two threads each hold one connection: one listens, one sends. A lost connection (a restart, a
 * failover, a terminated backend) is logged once, reopened with a back-off of up to 30 s, and logged again
 * when it is back; meanwhile readers still find new events at their poll. Notifications are hints: one that is
 * lost costs latency, never an event.
 */
final class AppendNotifications implements AutoCloseable {

    /** The PostgreSQL channel. */
    static final String CHANNEL = "streamdingo_appends";

    private static final System.Logger LOG = System.getLogger(AppendNotifications.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int LISTEN_WAIT_MILLIS = 500;

    /** Where the two connections come from, and where they go back. */
    interface Connections {
        Connection open() throws SQLException;

        void close(Connection connection) throws SQLException;
    }

    private final Connections connections;
    private final String process;
    private final Consumer<String> othersCommitted;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final Thread listener;
    private final Thread sender;
    private volatile boolean running = true;

    /**
     * Starts listening and sending.
     *
     * @param process this process's id, to tell its own notifications from the others'
     * @param othersCommitted called with the category of each append another process committed
     */
    AppendNotifications(
            Connections connections, String process, Consumer<String> othersCommitted, ThreadFactory threads) {
        this.connections = connections;
        this.process = process;
        this.othersCommitted = othersCommitted;
        this.listener = threads.newThread(new Supervised(
                "listening for other processes' appends",
                "this process finds their new events at its next poll",
                this::listen));
        this.sender = threads.newThread(new Supervised(
                "telling other processes about appends",
                "they find this one's new events at their next poll",
                this::send));
        listener.start();
        sender.start();
    }

    /** Called after an append of {@code category} committed here: the others hear of it soon. */
    void committed(String category) {
        if (pending.add(category)) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** One connection's work until it fails or the notifications stop. */
    @FunctionalInterface
    private interface Session {
        void run(Connection connection) throws SQLException, InterruptedException;
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        while (running) {
            PGNotification[] received = postgres.getNotifications(LISTEN_WAIT_MILLIS);
            if (received == null) {
                continue;
            }
            for (PGNotification notification : received) {
                String payload = notification.getParameter();
                int separator = payload.indexOf('|');
                if (separator > 0 && !payload.substring(0, separator).equals(process)) {
                    othersCommitted.accept(payload.substring(separator + 1));
                }
            }
        }
    }

    private void send(Connection connection) throws SQLException, InterruptedException {
        try (PreparedStatement notify = connection.prepareStatement(
                "SELECT pg_notify('" + CHANNEL + "', ? || '|' || category) FROM unnest(?::text[]) AS c(category)")) {
            while (running) {
                List<String> categories = new ArrayList<>(pending);
                if (categories.isEmpty()) {
                    synchronized (signal) {
                        if (pending.isEmpty() && running) {
                            signal.wait(1_000);
                        }
                    }
                    continue;
                }
                pending.removeAll(categories);
                notify.setString(1, process);
                notify.setArray(2, connection.createArrayOf("text", categories.toArray()));
                try {
                    notify.execute();
                } catch (SQLException e) {
                    pending.addAll(categories); // sent with the next connection
                    throw e;
                }
            }
        }
    }

    /** Runs a session on a fresh connection, again after each failure, until closed. */
    private final class Supervised implements Runnable {
        private final String what;
        private final String meanwhile;
        private final Session session;

        Supervised(String what, String meanwhile, Session session) {
            this.what = what;
            this.meanwhile = meanwhile;
            this.session = session;
        }

        @Override
        public void run() {
            Duration backoff = FIRST_BACKOFF;
            @Nullable Exception outage = null;
            while (running) {
                Connection connection = null;
                boolean broken = false;
                try {
                    connection = connections.open();
                    connection.setAutoCommit(true);
                    if (outage != null) {
                        LOG.log(Level.INFO, "StreamDingo is " + what + " again");
                        outage = null;
                        backoff = FIRST_BACKOFF;
                    }
                    session.run(connection);
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException | RuntimeException e) {
                    broken = true;
                    if (!running) {
                        return;
                    }
                    if (outage == null) {
                        LOG.log(
                                Level.WARNING,
                                "StreamDingo stopped " + what + " (" + e + "); " + meanwhile + " meanwhile;"
                                        + " retrying every " + MAX_BACKOFF.toSeconds() + " s at most",
                                e);
                    }
                    outage = e;
                    sleep(backoff);
                    backoff =
                            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                } finally {
                    release(connection, broken);
                }
            }
        }

        /**
         * Gives a connection back to the pool: a broken one closed first, so that no pool hands it out again;
         * a sound one no longer listening, so that it does not collect notifications while it idles there.
         */
        private void release(@Nullable Connection connection, boolean broken) {
            if (connection != null) {
                try {
                    if (broken) {
                        connection.close();
                    } else {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("UNLISTEN *");
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.DEBUG, "cleaning up a notification connection failed", e);
                }
                try {
                    connections.close(connection);
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.DEBUG, "closing a notification connection failed", e);
                }
            }
        }

        private void sleep(Duration duration) {
            synchronized (signal) {
                try {
                    if (running) {
                        signal.wait(duration.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /** Stops both threads; their connections close as they end. */
    @Override
    public void close() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        listener.interrupt();
        sender.interrupt();
    }
}
