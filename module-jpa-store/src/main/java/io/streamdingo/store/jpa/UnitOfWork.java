package io.streamdingo.store.jpa;

import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamDingoException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Runs one backend operation in a transaction, with its entity manager and JDBC connection, and turns
 * database failures into the api's exceptions.
 *
 * <p>With a {@code RESOURCE_LOCAL} unit every operation is its own transaction. With a {@code JTA} unit an
 * operation joins the caller's transaction when there is one (an EJB's append then commits or rolls back
 * with the EJB's own work, WF-1) and otherwise runs in a transaction of its own. A failure inside the
 * caller's transaction marks it rollback-only: the database may already have aborted it.
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

        Retry(@Nullable Throwable cause) {
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

    /** The caller's own work failed inside the transaction: rolled back and passed on unchanged. */
    static final class CallerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallerFailure(Throwable cause) {
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
    private final SessionFactoryImplementor factory;
    private final @Nullable TransactionManager jta;

    UnitOfWork(EntityManagerFactory emf) {
        this.emf = emf;
        this.factory = emf.unwrap(SessionFactoryImplementor.class);
        this.jta = transactionManagerOf(emf);
    }

    private static @Nullable TransactionManager transactionManagerOf(EntityManagerFactory emf) {
        SessionFactoryImplementor factory = emf.unwrap(SessionFactoryImplementor.class);
        boolean isJta = factory.getServiceRegistry()
                .requireService(TransactionCoordinatorBuilder.class)
                .isJta();
        return isJta
                ? factory.getServiceRegistry().requireService(JtaPlatform.class).retrieveTransactionManager()
                : null;
    }

    /** The persistence unit's own source of JDBC connections (its pool or the server's data source). */
    org.hibernate.engine.jdbc.connections.spi.ConnectionProvider connectionProvider() {
        return factory.getServiceRegistry()
                .requireService(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider.class);
    }

    /** Whether work now runs inside a transaction the caller owns (and so cannot be retried here). */
    boolean joinsCallerTransaction() {
        try {
            return jta != null && jta.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new StoreUnavailableException("cannot read the JTA transaction status", e);
        }
    }

    /**
     * Runs {@code action} once the work just done is committed: now if it ran in a transaction of its own
     * (which has committed), when the caller's transaction commits if it joined one, never if that rolls back.
     */
    void afterCommit(Runnable action) {
        if (!joinsCallerTransaction()) {
            action.run();
            return;
        }
        factory.getServiceRegistry().requireService(JtaPlatform.class).registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** Runs {@code work} in the caller's JTA transaction if there is one, otherwise in its own. */
    <T> T inTransaction(String operation, Work<T> work) {
        if (jta == null) {
            return inResourceLocalTransaction(operation, work);
        }
        return joinsCallerTransaction() ? inCallerTransaction(operation, work) : inOwnJtaTransaction(operation, work);
    }

    /** Runs {@code work} in a transaction of its own, suspending the caller's JTA transaction meanwhile. */
    <T> T inSeparateTransaction(String operation, Work<T> work) {
        if (jta == null || !joinsCallerTransaction()) {
            return inTransaction(operation, work);
        }
        Transaction callers;
        try {
            callers = jta.suspend();
        } catch (SystemException e) {
            throw new StoreUnavailableException("cannot suspend the caller's transaction to " + operation, e);
        }
        RuntimeException failure = null;
        try {
            return inOwnJtaTransaction(operation, work);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try {
                jta.resume(callers);
            } catch (Exception e) {
                StoreUnavailableException notResumed = new StoreUnavailableException(
                        "cannot resume the caller's transaction after " + operation
                                + "; it is lost: roll back the caller's work and run it again",
                        e);
                if (failure != null) {
                    failure.addSuppressed(notResumed); // the first error is the one to report
                } else {
                    throw notResumed;
                }
            }
        }
    }

    private <T> T inResourceLocalTransaction(String operation, Work<T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = run(em, work);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            try {
                if (tx.isActive()) {
                    tx.rollback();
                }
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw translate(operation, e);
        } finally {
            em.close();
        }
    }

    /**
     * An entity manager for JTA work that keeps its connection until the transaction completes: Hibernate's
     * JTA default releases it after every statement, which closes the JDBC handle the work holds.
     */
    private EntityManager jtaEntityManager() {
        return factory.withOptions()
                .connectionHandlingMode(
                        PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_RELEASE_BEFORE_TRANSACTION_COMPLETION)
                .openSession();
    }

    private <T> T inOwnJtaTransaction(String operation, Work<T> work) {
        TransactionManager tm = jta();
        EntityManager em = null;
        try {
            // begun inside the guarded block: if the session cannot be opened, the rollback below leaves
            // nothing associated with this (pooled) thread
            tm.begin();
            em = jtaEntityManager();
            em.joinTransaction();
            T result = run(em, work);
            em.flush();
            em.close();
            commit(tm, operation);
            return result;
        } catch (Exception e) {
            try {
                if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tm.rollback();
                }
            } catch (Exception rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw translate(
                    operation, e instanceof RuntimeException runtime ? runtime : transactionFailure(operation, e));
        } finally {
            if (em != null && em.isOpen()) {
                em.close();
            }
        }
    }

    private static void commit(TransactionManager tm, String operation) {
        try {
            tm.commit();
        } catch (Exception e) { // checked outcomes and the manager's IllegalStateException/SecurityException
            throw transactionFailure(operation, e);
        }
    }

    /**
     * A failure of the transaction manager: {@code begin} refused (a transaction is already there),
     * {@code commit} rolled back or ended heuristically, or the manager itself failed. The work's outcome is
     * unknown or undone, so the caller sees the store as unavailable and may run the operation again.
     */
    private static StoreUnavailableException transactionFailure(String operation, Exception e) {
        String outcome;
        if (e instanceof RollbackException) {
            outcome = "the transaction was rolled back instead of committed";
        } else if (e instanceof HeuristicMixedException) {
            outcome = "the transaction ended heuristically, partly committed and partly rolled back";
        } else if (e instanceof HeuristicRollbackException) {
            outcome = "the transaction was rolled back heuristically";
        } else {
            outcome = "the transaction manager failed (" + e.getClass().getSimpleName() + ")";
        }
        return new StoreUnavailableException(
                "could not " + operation + ": " + outcome
                        + "; nothing of it is visible unless stated otherwise; check the database and retry",
                e);
    }

    private <T> T inCallerTransaction(String operation, Work<T> work) {
        EntityManager em = jtaEntityManager();
        try {
            em.joinTransaction();
            T result = run(em, work);
            em.flush();
            return result;
        } catch (RuntimeException e) {
            RuntimeException translated = translate(operation, e);
            if (!(translated instanceof StreamDingoException) || translated instanceof StoreUnavailableException) {
                markRollbackOnly(e);
            }
            if (translated instanceof Retry) {
                throw new StoreUnavailableException(
                        "could not " + operation + " because a concurrent writer got in "
                                + "the way inside your transaction; it is marked for rollback: run the transaction again",
                        e);
            }
            throw translated;
        } finally {
            em.close();
        }
    }

    private void markRollbackOnly(RuntimeException failure) {
        try {
            jta().setRollbackOnly();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private TransactionManager jta() {
        if (jta == null) {
            throw new IllegalStateException("not a JTA persistence unit");
        }
        return jta;
    }

    private static <T> T run(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try {
                return work.run(em, connection);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
        });
    }

    /** Domain exceptions pass unchanged; unique violations and lock conflicts are classified; the rest is unavailable. */
    static RuntimeException translate(String operation, RuntimeException e) {
        if (e instanceof StreamDingoException
                || e instanceof Retry
                || e instanceof UniqueViolation
                || e instanceof CallerFailure) {
            return e;
        }
        SqlError error = SqlError.of(e);
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException && error.state() == null) {
            return e;
        }
        if (error.isUniqueViolation()) {
            return new UniqueViolation(e);
        }
        if (error.isTransient()) {
            return new Retry(e);
        }
        String state = error.state();
        return new StoreUnavailableException(
                "the event store database failed to " + operation + (state == null ? "" : " (SQL state " + state + ")")
                        + "; check that the database is reachable and the StreamDingo schema is migrated, then retry",
                e);
    }
}
