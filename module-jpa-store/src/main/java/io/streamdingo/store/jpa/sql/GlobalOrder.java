package io.streamdingo.store.jpa.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The global order on PostgreSQL, where writers never wait for each other's commits.
 *
 * <p>An event's global position is {@code (transaction id + offset) << 20 | n}: the 64-bit id PostgreSQL
 * gives the appending transaction ({@code pg_current_xact_id()}), shifted to leave room for the
 * transaction's n-th event (up to {@value #EVENTS_PER_TRANSACTION} per transaction). Transaction ids are
 * handed out in increasing order, so every position a still-running transaction can take lies above that
 * transaction's id. A reader of the global order therefore returns only events below
 * {@code (oldest running transaction id + offset) << 20} — the {@code xmin} of its own statement's snapshot,
 * {@code pg_snapshot_xmin(pg_current_snapshot())}: every transaction below it has ended, so nothing can
 * commit there later, and an event above it waits until the transactions older than it have ended. Positions
 * are sparse (large, with gaps) and only their order means anything.
 *
 * <p>The offset is 0 on a new store. A store that held events before this scheme (positions from a counter)
 * or was copied into another cluster with {@code pg_dump} (whose transaction ids start again from a few
 * hundred) gets an offset that puts new positions above every stored one: see {@link #raiseOffsetIfBehind}.
 * The technique follows Oskar Dudycz, "How Postgres sequences issues can impact your messaging guarantees"
 * (event-driven.io, 2023), with the position derived from the transaction id so that one number keeps both.
 */
public final class GlobalOrder {

    /** Bits of a position that number the events of one transaction. */
    static final int EVENT_BITS = 20;

    /** How many events one transaction can append on PostgreSQL. */
    public static final int EVENTS_PER_TRANSACTION = 1 << EVENT_BITS;

    /**
     * Serialises the appenders of one stream before they write anything: an advisory lock takes no transaction
     * id, so the transaction that gets it gets its id afterwards, later than the previous appender's, and its
     * positions follow that appender's. (A row lock would assign the id while waiting: a waiter that got its
     * id first and the lock last would be placed before events it follows.) The first key is StreamDingo's
     * namespace, the second a hash of the stream: two streams sharing a hash only wait for each other.
     */
    static final String LOCK_STREAM = "SELECT pg_advisory_xact_lock(1396985673, ?)";

    /** The transaction-local setting that counts the positions this transaction took. */
    private static final String TAKEN = "streamdingo.positions_taken";

    /** The lowest position no running transaction can still commit below. */
    static final String SETTLED_BOUND = "(SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
            + " + xid_offset) << " + EVENT_BITS + " FROM sd_global_position WHERE id = 1)";

    /**
     * Takes positions for an append: the parameter is the count (twice); the columns are the last position taken
     * and this transaction's base. How many events the transaction appended before is kept in a
     * transaction-local setting ({@code set_config(…, true)}, undone with the transaction or a rolled-back
     * savepoint), so several appends in one caller transaction follow each other without reading the events
     * table.
     */
    static final String TAKE_POSITIONS = "SELECT base + used + ? - 1, base, set_config('" + TAKEN + "',"
            + " (used + ?)::text, true) FROM (SELECT (pg_current_xact_id()::text::bigint + xid_offset) << "
            + EVENT_BITS + " AS base, COALESCE(NULLIF(current_setting('" + TAKEN + "', true), '')::bigint, 0) AS used"
            + " FROM sd_global_position WHERE id = 1) t";

    /** The newest settled position; the old counter's value for a store without newer events. */
    static final String HEAD_POSITION = "SELECT GREATEST(o.last_position, COALESCE((SELECT MAX(global_position)"
            + " FROM sd_events WHERE global_position < " + SETTLED_BOUND + "), 0))"
            + " FROM sd_global_position o WHERE o.id = 1";

    private static final Logger LOG = Logger.getLogger(GlobalOrder.class.getName());

    private GlobalOrder() {}

    /**
     * Raises the offset when the database's transaction ids lie below the stored positions (a store copied
     * into a new cluster), so new events still come after every stored one. Locks out appends while it
     * changes the offset; does nothing, and takes no lock, when the offset is right.
     *
     * @return whether the offset was raised
     */
    public static boolean raiseOffsetIfBehind(Connection connection) throws SQLException {
        String check = "SELECT (SELECT COALESCE(MAX(global_position), 0) FROM sd_events) >> " + EVENT_BITS
                + ", pg_snapshot_xmax(pg_current_snapshot())::text::bigint, xid_offset"
                + " FROM sd_global_position WHERE id = 1";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            long[] seen = offsetCheck(statement, check);
            if (seen.length == 0 || seen[1] + seen[2] > seen[0]) {
                connection.rollback();
                return false;
            }
            statement.execute("LOCK TABLE sd_global_position IN ACCESS EXCLUSIVE MODE");
            seen = offsetCheck(statement, check); // again, now that no append runs
            long raised = seen[0] + 1 - seen[1];
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sd_global_position SET xid_offset = GREATEST(xid_offset, ?) WHERE id = 1")) {
                update.setLong(1, raised);
                update.executeUpdate();
            }
            connection.commit();
            LOG.log(
                    Level.WARNING,
                    "The database''s transaction ids ({0}) lie below the newest stored global position''s ({1}), as"
                            + " after copying the store into another cluster; new positions now start above it"
                            + " (offset {2}, was {3})",
                    new Object[] {seen[1], seen[0], raised, seen[2]});
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The newest stored position's transaction part, the next transaction id and the offset; empty if none. */
    private static long[] offsetCheck(Statement statement, String check) throws SQLException {
        try (ResultSet row = statement.executeQuery(check)) {
            return row.next() ? new long[] {row.getLong(1), row.getLong(2), row.getLong(3)} : new long[0];
        }
    }
}
