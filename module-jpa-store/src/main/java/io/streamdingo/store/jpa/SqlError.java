package io.streamdingo.store.jpa;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed statement means to the store, read from the SQL state and vendor code of the first
 * {@link SQLException} in a failure's causes. Only specific codes count: a NOT NULL, foreign-key or CHECK
 * violation (also class 23) is neither a concurrent writer's unique key nor worth another attempt.
 *
 * @param state the SQL state, or {@code null} when no cause carries one
 * @param vendorCode the database's own error number (0 when unknown)
 */
record SqlError(@Nullable String state, int vendorCode) {

    /** MariaDB/MySQL {@code ER_DUP_ENTRY}, {@code ER_DUP_ENTRY_WITH_KEY_NAME}. */
    private static final int MARIADB_DUPLICATE = 1062;

    private static final int MARIADB_DUPLICATE_WITH_KEY = 1586;

    /** MariaDB/MySQL {@code ER_LOCK_WAIT_TIMEOUT}, reported with the generic state HY000. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    /** MariaDB/MySQL {@code ER_LOCK_DEADLOCK} (state 40001). */
    private static final int MARIADB_DEADLOCK = 1213;

    /** The classification of {@code failure}'s first SQL cause; state {@code null} if there is none. */
    static SqlError of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return new SqlError(sql.getSQLState(), sql.getErrorCode());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return new SqlError(null, 0);
    }

    /** A unique key or primary key was violated: PostgreSQL and H2 23505, MariaDB 23000 with 1062/1586. */
    boolean isUniqueViolation() {
        return "23505".equals(state)
                || "23000".equals(state)
                        && (vendorCode == MARIADB_DUPLICATE || vendorCode == MARIADB_DUPLICATE_WITH_KEY);
    }

    /**
     * Another attempt can succeed: serialization failures and deadlocks (40001, PostgreSQL 40P01), lock waits
     * that timed out or were refused (PostgreSQL 55P03 {@code lock_not_available}, H2 HYT00, MariaDB 1205).
     */
    boolean isTransient() {
        if (state == null) {
            return false;
        }
        return switch (state) {
            case "40001", "40P01", "55P03", "HYT00" -> true;
            default -> vendorCode == MARIADB_LOCK_WAIT_TIMEOUT || vendorCode == MARIADB_DEADLOCK;
        };
    }
}
