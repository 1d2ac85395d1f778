package io.streamdingo.store.jpa;

import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamDingoException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Runs one backend operation in its own resource-local transaction, with the entity manager and the JDBC
 * connection of that transaction, and turns database failures into the api's exceptions.
 */
final class UnitOfWork {

    /** The work of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(EntityManager em, Connection connection) throws SQLException;
    }

    /** A failure the caller may resolve by running the whole operation again. */
    static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Retry(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Carries a {@link SQLException} out of the work past Hibernate, which would otherwise log every failure
     * as an error, including the conflicts that are ordinary outcomes here (a reused event id).
     */
    static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(SQLException cause) {
            super(cause);
        }
    }

    /** A unique key was violated; the caller decides which domain error that is. */
    static final class UniqueViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UniqueViolation(Throwable cause) {
            super(cause);
        }
    }

    private final EntityManagerFactory emf;

    UnitOfWork(EntityManagerFactory emf) {
        this.emf = emf;
    }

    <T> T inTransaction(String operation, Work<T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = em.unwrap(Session.class).doReturningWork(connection -> {
                try {
                    return work.run(em, connection);
                } catch (SQLException e) {
                    throw new SqlFailure(e);
                }
            });
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw translate(operation, e);
        } finally {
            em.close();
        }
    }

    private static void rollbackQuietly(EntityTransaction tx, RuntimeException failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Domain exceptions pass unchanged; unique violations and lock conflicts are classified; the rest is unavailable. */
    static RuntimeException translate(String operation, RuntimeException e) {
        if (e instanceof StreamDingoException || e instanceof Retry || e instanceof UniqueViolation) {
            return e;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e;
        }
        String state = sqlState(e);
        if (state != null && state.startsWith("23")) {
            return new UniqueViolation(e);
        }
        if (isTransient(state)) {
            return new Retry(e);
        }
        return new StoreUnavailableException(
                "the event store database failed to " + operation + (state == null ? "" : " (SQL state " + state + ")")
                        + "; check that the database is reachable and the StreamDingo schema is migrated, then retry",
                e);
    }

    /** Deadlocks, serialization failures and lock timeouts: another attempt can succeed. */
    private static boolean isTransient(String state) {
        return state != null && (state.equals("40001") || state.equals("40P01") || state.equals("HYT00"));
    }

    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
