package io.streamdingo.store.jpa;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.DuplicateEventIdException;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.StoreNotOpenException;
import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.WriteGuard;
import io.streamdingo.store.jpa.entity.StreamHead;
import io.streamdingo.store.jpa.entity.StreamKey;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.EventRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.jspecify.annotations.Nullable;

/**
 * The event-store backend on Jakarta Persistence (ES-10), for PostgreSQL, H2 and MariaDB.
 *
 * <p>Every operation is one transaction. An append locks its stream's head row (writers of one stream
 * serialise there), checks the session lease and the expected version and moves the head, takes global
 * positions, inserts the events in one JDBC batch and commits. Writers of different streams wait for each
 * other only on H2 and MariaDB, where positions come from a counter row held locked until commit so that
 * they become visible in commit order. On PostgreSQL positions derive from the transaction id and readers
 * of the global order stop below the oldest running transaction (see {@code GlobalOrder}),
 * so no writer waits for another's commit and a reader following the global order still never skips a late
 * commit (ES-2). An append that fails its checks takes no position.
 *
 * <p>The entity manager factory must list {@link StreamHead}, and the schema must be migrated with
 * {@link SchemaMigrations#migrate}. Closing the backend does not close the factory, which
 * belongs to whoever created it (the container, or the application).
 */
public final class JpaEventStoreBackend implements EventStoreBackend {

    private final EntityManagerFactory emf;
    private final UnitOfWork unit;
    private final Dialect dialect;
    private final EventRows rows;
    private final KnownHeads knownHeads = new KnownHeads(10_000);
    private final List<Consumer<String>> committedListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile @Nullable AppendNotifications notifications;
    /** Closed with the backend: set when the backend was given its factory to own. */
    private volatile @Nullable EntityManagerFactory owned;

    /**
     * A backend over {@code emf}, for the database it connects to.
     *
     * @throws StoreUnavailableException if the database cannot be reached to learn its product
     * @throws IllegalStateException if the database is not PostgreSQL, H2 or MariaDB
     */
    public JpaEventStoreBackend(EntityManagerFactory emf) {
        this.emf = emf;
        this.unit = new UnitOfWork(emf);
        this.dialect = unit.inTransaction("detect the database", (em, connection) -> Dialect.of(connection));
        this.rows = new EventRows(dialect);
    }

    @Override
    public AppendResult append(
            StreamId streamId,
            ExpectedVersion expected,
            List<EventToStore> events,
            WriteGuard guard,
            EventChain chain) {
        requireOpen("append events");
        requireDistinctIds(streamId, events);
        try {
            AppendResult result = withRetries(
                    "append events",
                    streamId,
                    attempt -> unit.inTransaction(
                            "append events",
                            (em, c) -> appendOnce(em, c, attempt, streamId, expected, events, guard, chain)));
            if (!committedListeners.isEmpty() || notifications != null) {
                unit.afterCommit(() -> committed(streamId.category()));
            }
            return result;
        } catch (UnitOfWork.UniqueViolation e) {
            throw explainConflict(streamId, expected, events, e);
        }
    }

    private AppendResult appendOnce(
            EntityManager em,
            Connection c,
            int attempt,
            StreamId streamId,
            ExpectedVersion expected,
            List<EventToStore> events,
            WriteGuard guard,
            EventChain chain)
            throws SQLException {
        rows.lockStreamForAppend(c, streamId);
        Placement placement;
        // Creating a stream is the common case for noStream: one insert instead of a look-up and an insert.
        if (attempt == 1
                && expected == ExpectedVersion.noStream()
                && guard.sessionId() == null
                && !unit.joinsCallerTransaction()) {
            String[] hashes = link(chain, EventChain.GENESIS, streamId, 1, events);
            if (!createHead(c, streamId, events.size(), hashes[hashes.length - 1])) {
                // The stream exists. Start over on the look-up path rather than lock the row now: on MariaDB
                // the failed insert left a shared lock, and upgrading it deadlocks with other writers.
                throw new UnitOfWork.Retry(null);
            }
            placement = new Placement(1, hashes, 0);
        } else if ((placement = advanceKnownHead(c, streamId, expected, events, guard, chain)) == null) {
            StreamHead head = em.find(StreamHead.class, StreamKey.of(streamId), LockModeType.PESSIMISTIC_WRITE);
            long firstVersion = head == null ? 1 : head.currentVersion() + 1;
            String[] hashes =
                    link(chain, head == null ? EventChain.GENESIS : head.lastHash(), streamId, firstVersion, events);
            advanceHead(em, c, head, streamId, expected, events.size(), hashes[hashes.length - 1], guard);
            long newestPosition = firstVersion > 1 && dialect == Dialect.POSTGRESQL
                    ? rows.positionOf(c, streamId, firstVersion - 1)
                    : 0;
            placement = new Placement(firstVersion, hashes, newestPosition);
        }
        return insert(c, streamId, placement, rows.takePositions(c, events.size()), events);
    }

    /** Inserts the events where {@code placement} says, from {@code firstPosition} on. */
    private AppendResult insert(
            Connection c, StreamId streamId, Placement placement, long firstPosition, List<EventToStore> events)
            throws SQLException {
        if (firstPosition <= placement.newestPosition()) {
            // This transaction's id is older than the stream's newest event's (see GlobalOrder): a newer transaction
            // takes positions after it.
            knownHeads.forget(streamId);
            throw new UnitOfWork.Retry(null);
        }
        String[] hashes = placement.hashes();
        rows.insert(c, streamId, placement.firstVersion(), firstPosition, events, hashes);
        long lastVersion = placement.firstVersion() + events.size() - 1;
        long lastPosition = firstPosition + events.size() - 1;
        knownHeads.wrote(streamId, lastVersion, hashes[hashes.length - 1], lastPosition);
        return new AppendResult(streamId, placement.firstVersion(), lastVersion, lastPosition);
    }

    /**
     * Where an append's events go: their first version and their chain links, after the stream's newest event
     * at {@code newestPosition}.
     */
    private record Placement(long firstVersion, String[] hashes, long newestPosition) {}

    /**
     * Moves the head of a stream this process wrote last with one conditional update, when that head
     * satisfies {@code expected} and no session is involved; null when the stream is not known here, the
     * expectation fails on what is known (the locking path then reports it with the stored version) or the
     * stored head moved on since.
     */
    private @Nullable Placement advanceKnownHead(
            Connection c,
            StreamId streamId,
            ExpectedVersion expected,
            List<EventToStore> events,
            WriteGuard guard,
            EventChain chain)
            throws SQLException {
        KnownHeads.Head head = knownHead(streamId, expected, guard);
        if (head == null) {
            return null;
        }
        String[] hashes = link(chain, head.lastHash(), streamId, head.version() + 1, events);
        if (!rows.advanceHeadIf(
                c, streamId, head.version(), head.lastHash(), events.size(), hashes[hashes.length - 1], guard.now())) {
            knownHeads.forget(streamId);
            return null;
        }
        return new Placement(head.version() + 1, hashes, head.lastPosition());
    }

    /** The head this process wrote last, if it may be used for this append; null if not. */
    private KnownHeads.@Nullable Head knownHead(StreamId streamId, ExpectedVersion expected, WriteGuard guard) {
        // a caller's transaction may hold the head as an entity of its persistence context: leave it to the entity
        KnownHeads.Head head =
                guard.sessionId() == null && !unit.joinsCallerTransaction() ? knownHeads.get(streamId) : null;
        return head == null || !expected.isSatisfiedBy(head.version()) ? null : head;
    }

    /** The chain links of {@code events} stored from {@code firstVersion} on, after {@code previous}. */
    private static String[] link(
            EventChain chain, String previous, StreamId streamId, long firstVersion, List<EventToStore> events) {
        String[] hashes = new String[events.size()];
        for (int i = 0; i < hashes.length; i++) {
            previous = hashes[i] = chain.link(previous, streamId, firstVersion + i, events.get(i));
        }
        return hashes;
    }

    /**
     * Checks and moves the locked head of an existing stream ({@code head}), or creates the head of a new one
     * ({@code head} null). The head is written before the global position row is locked, so that lock is
     * held as briefly as possible.
     */
    private void advanceHead(
            EntityManager em,
            Connection c,
            @Nullable StreamHead head,
            StreamId streamId,
            ExpectedVersion expected,
            int count,
            String lastHash,
            WriteGuard guard)
            throws SQLException {
        if (head == null) {
            guard.check(streamId, null, null);
            if (!expected.isSatisfiedBy(0)) {
                throw new WrongExpectedVersionException(streamId, expected, 0);
            }
            if (!createHead(c, streamId, count, lastHash)) {
                throw new UnitOfWork.Retry(null); // another writer created the stream just now
            }
            return;
        }
        head.check(guard);
        if (!expected.isSatisfiedBy(head.currentVersion())) {
            throw new WrongExpectedVersionException(streamId, expected, head.currentVersion());
        }
        head.appended(count, lastHash, guard);
        em.flush();
    }

    /** Creates a new stream's head already at {@code version}; false if the stream exists. */
    private boolean createHead(Connection c, StreamId streamId, long version, String lastHash) throws SQLException {
        try {
            return rows.createHead(c, streamId, version, lastHash);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new UnitOfWork.Retry(e); // created concurrently (H2 has no insert-if-absent)
            }
            throw e;
        }
    }

    /** The batch itself must not repeat an id; the database catches ids stored earlier. */
    private static void requireDistinctIds(StreamId streamId, List<EventToStore> events) {
        Set<UUID> seen = new HashSet<>();
        for (EventToStore event : events) {
            if (!seen.add(event.eventId())) {
                throw new DuplicateEventIdException(streamId, event.eventId());
            }
        }
    }

    /** After a unique violation on insert: an event id was taken, or (should the head be stale) a version. */
    private RuntimeException explainConflict(
            StreamId streamId, ExpectedVersion expected, List<EventToStore> events, RuntimeException violation) {
        List<UUID> ids = events.stream().map(EventToStore::eventId).toList();
        // the caller's transaction (if any) is rollback-only now: look in a separate one
        List<UUID> taken =
                unit.inSeparateTransaction("check event ids", (em, connection) -> rows.existingIds(connection, ids));
        if (!taken.isEmpty()) {
            return new DuplicateEventIdException(streamId, taken.get(0));
        }
        return new WrongExpectedVersionException(streamId, expected, currentVersion(streamId), violation);
    }

    private long currentVersion(StreamId streamId) {
        return unit.inSeparateTransaction("read stream information", (em, connection) -> {
            StreamHead head = em.find(StreamHead.class, StreamKey.of(streamId));
            return head == null ? 0L : head.currentVersion();
        });
    }

    private void committed(String category) {
        committedListeners.forEach(listener -> listener.accept(category));
        AppendNotifications toOthers = notifications;
        if (toOthers != null) {
            toOthers.committed(category);
        }
    }

    /**
     * On PostgreSQL, tells the store's other processes about the appends this one commits and this one
     * about theirs ({@code LISTEN}/{@code NOTIFY}), so that relays and subscriptions everywhere look at once;
     * it holds two of the persistence unit's connections for it, and {@link #close()} releases them. Does
     * nothing on H2 and MariaDB, or if it already runs.
     *
     * @param threads makes its two threads (in a server, the managed thread factory)
     * @return whether notifications now run
     * @throws IllegalStateException on PostgreSQL, if the application cannot see the driver's classes
     */
    public synchronized boolean notifyOtherProcesses(ThreadFactory threads) {
        if (dialect != Dialect.POSTGRESQL) {
            return false;
        }
        if (notifications == null) {
            try {
                Class.forName("org.postgresql.PGConnection", false, JpaEventStoreBackend.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(
                        "the PostgreSQL driver's classes are not visible to the application, so it cannot hear of"
                                + " other processes' appends: share the server's JDBC driver library with the"
                                + " application (on Open Liberty <classloader commonLibraryRef=\"…\"/>), or set"
                                + " streamdingo.store.jpa.notify-other-processes=false",
                        e);
            }
            ConnectionProvider provider = unit.connectionProvider();
            notifications = new AppendNotifications(
                    new AppendNotifications.Connections() {
                        @Override
                        public Connection open() throws SQLException {
                            return provider.getConnection();
                        }

                        @Override
                        public void close(Connection connection) throws SQLException {
                            provider.closeConnection(connection);
                        }
                    },
                    UUID.randomUUID().toString(),
                    category -> committedListeners.forEach(listener -> listener.accept(category)),
                    threads);
        }
        return true;
    }

    @Override
    public void onCommitted(Consumer<String> listener) {
        committedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public List<StoredEvent> readStream(
            StreamId streamId, long fromVersion, long toVersion, ReadDirection direction, int limit) {
        requireOpen("read a stream");
        return unit.inTransaction(
                "read a stream",
                (em, connection) -> rows.readStream(connection, streamId, fromVersion, toVersion, direction, limit));
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        requireOpen("read the global order");
        return unit.inTransaction(
                "read the global order", (em, connection) -> rows.readAll(connection, afterPosition, limit));
    }

    @Override
    public List<StoredEvent> readCategory(String category, long afterPosition, int limit) {
        requireOpen("read a category");
        return unit.inTransaction(
                "read a category", (em, connection) -> rows.readCategory(connection, category, afterPosition, limit));
    }

    @Override
    public long headPosition() {
        requireOpen("read the head position");
        return unit.inTransaction("read the head position", (em, connection) -> rows.headPosition(connection));
    }

    @Override
    public long countCategory(String category, long afterPosition, long upToPosition) {
        requireOpen("count a category's events");
        return unit.inTransaction(
                "count a category's events",
                (em, connection) -> rows.countCategory(connection, category, afterPosition, upToPosition));
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId streamId) {
        requireOpen("read stream information");
        return unit.inTransaction("read stream information", (em, connection) -> {
            StreamHead head = em.find(StreamHead.class, StreamKey.of(streamId));
            return head == null || head.currentVersion() == 0 ? Optional.empty() : Optional.of(head.info());
        });
    }

    @Override
    public Optional<String> truncationAnchor(StreamId streamId) {
        requireOpen("read stream information");
        return unit.inTransaction("read stream information", (em, connection) -> {
            StreamHead head = em.find(StreamHead.class, StreamKey.of(streamId));
            return head == null ? Optional.<String>empty() : head.truncationAnchor();
        });
    }

    @Override
    public List<StreamInfo> listStreams(String category, @Nullable String afterId, int limit) {
        requireOpen("list streams");
        return unit.inTransaction("list streams", (em, connection) -> {
            String visible = "h.currentVersion >= h.firstVisibleVersion";
            var query = afterId == null
                    ? em.createQuery(
                            "SELECT h FROM StreamHead h WHERE h.category = :category AND " + visible + " ORDER BY h.id",
                            StreamHead.class)
                    : em.createQuery(
                                    "SELECT h FROM StreamHead h WHERE h.category = :category AND h.id > :after AND "
                                            + visible + " ORDER BY h.id",
                                    StreamHead.class)
                            .setParameter("after", afterId);
            return query.setParameter("category", category).setMaxResults(limit).getResultList().stream()
                    .map(StreamHead::info)
                    .toList();
        });
    }

    @Override
    public long countStreams(String category) {
        requireOpen("count streams");
        return unit.inTransaction("count streams", (em, connection) -> em.createQuery(
                        "SELECT COUNT(h) FROM StreamHead h WHERE h.category = :category"
                                + " AND h.currentVersion >= h.firstVisibleVersion",
                        Long.class)
                .setParameter("category", category)
                .getSingleResult());
    }

    @Override
    public void softDelete(StreamId streamId, ExpectedVersion expected, WriteGuard guard) {
        requireOpen("delete a stream");
        withLockedHead("delete a stream", streamId, (em, connection, head) -> {
            head.check(guard);
            if (!expected.isSatisfiedBy(head.currentVersion())) {
                throw new WrongExpectedVersionException(streamId, expected, head.currentVersion());
            }
            head.hideCurrentEvents();
            return null;
        });
    }

    @Override
    public long truncateBefore(StreamId streamId, long beforeVersion, WriteGuard guard) {
        requireOpen("truncate a stream");
        return withLockedHead("truncate a stream", streamId, (em, connection, head) -> {
            head.check(guard);
            Optional<String> anchor = rows.lastHashBefore(connection, streamId, beforeVersion);
            long deleted = rows.deleteBefore(connection, streamId, beforeVersion);
            head.truncatedBefore(beforeVersion, anchor);
            return deleted;
        });
    }

    @Override
    public void acquireLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt) {
        requireOpen("open a session");
        withLockedHead("open a session", streamId, (em, connection, head) -> {
            head.check(WriteGuard.unlocked(now));
            head.lease(sessionId, expiresAt);
            return null;
        });
    }

    @Override
    public void renewLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt) {
        requireOpen("renew a session");
        withLockedHead("renew a session", streamId, (em, connection, head) -> {
            head.check(WriteGuard.session(sessionId, now, expiresAt));
            head.lease(sessionId, expiresAt);
            return null;
        });
    }

    @Override
    public void releaseLease(StreamId streamId, String sessionId) {
        requireOpen("close a session");
        unit.inTransaction("close a session", (em, connection) -> {
            StreamHead head = em.find(StreamHead.class, StreamKey.of(streamId), LockModeType.PESSIMISTIC_WRITE);
            if (head != null) {
                head.release(sessionId);
            }
            return null;
        });
    }

    /** The factory the backend runs on, for the store's other tables in the same database. */
    EntityManagerFactory factory() {
        return emf;
    }

    /**
     * A backend over {@code emf} that closes it when the backend is closed: for a factory created only for
     * the store.
     *
     * @throws StoreUnavailableException as {@link #JpaEventStoreBackend(EntityManagerFactory)}
     * @throws IllegalStateException as {@link #JpaEventStoreBackend(EntityManagerFactory)}
     */
    public static JpaEventStoreBackend owning(EntityManagerFactory emf) {
        JpaEventStoreBackend backend;
        try {
            backend = new JpaEventStoreBackend(emf);
        } catch (RuntimeException e) {
            emf.close();
            throw e;
        }
        backend.owned = emf;
        return backend;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (notifications != null) {
            notifications.close();
            notifications = null;
        }
        EntityManagerFactory factory = owned;
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
    }

    /** The work of one transaction on a stream whose head row it holds locked. */
    @FunctionalInterface
    private interface HeadWork<T> {
        T run(EntityManager em, Connection connection, StreamHead head) throws SQLException;
    }

    /**
     * Runs {@code work} with the stream's head row locked, creating the row if the stream is new. Two writers
     * creating one stream at once collide on its primary key, and a lock conflict may end in a deadlock
     * report: both are resolved by running the operation again (see {@link #withRetries}).
     */
    private <T> T withLockedHead(String operation, StreamId streamId, HeadWork<T> work) {
        return withRetries(
                operation,
                streamId,
                attempt -> unit.inTransaction(
                        operation, (em, connection) -> work.run(em, connection, lockedHead(em, connection, streamId))));
    }

    private static <T> T withRetries(String operation, StreamId streamId, IntFunction<T> body) {
        return Retries.withRetries(operation, "stream " + streamId, body);
    }

    private StreamHead lockedHead(EntityManager em, Connection connection, StreamId streamId) throws SQLException {
        StreamHead head = em.find(StreamHead.class, StreamKey.of(streamId), LockModeType.PESSIMISTIC_WRITE);
        if (head != null) {
            return head;
        }
        // insert-if-absent, not a plain insert: two servers opening the first session on a stream at once (their
        // relays, say) must not log a duplicate-key error; the loser waits for the winner's row and locks it
        createHead(connection, streamId, 0, null);
        head = em.find(StreamHead.class, StreamKey.of(streamId), LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new UnitOfWork.Retry(null); // created and deleted again meanwhile
        }
        return head;
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new StoreNotOpenException(operation);
        }
    }
}
