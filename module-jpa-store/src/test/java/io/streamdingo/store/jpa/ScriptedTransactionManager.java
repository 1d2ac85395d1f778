package io.streamdingo.store.jpa;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;

/**
 * A transaction manager for the outcomes no real one produces on request (a commit that rolls back, a
 * heuristic outcome, a transaction that cannot be resumed): it keeps one transaction per test on the calling
 * thread, records what was called, runs Hibernate's synchronizations, and fails the calls it is told to. It
 * enlists no resource: the JDBC work is neither committed nor rolled back by it, which these tests do not
 * need (they are about what the store reports).
 */
final class ScriptedTransactionManager implements TransactionManager {

    private final List<String> calls = new ArrayList<>();
    private ScriptedTransaction current;
    private Exception commitFailure;
    private Exception resumeFailure;

    /** Starts as if the caller (an EJB) were inside a transaction of its own. */
    ScriptedTransactionManager insideCallersTransaction() {
        current = new ScriptedTransaction();
        return this;
    }

    ScriptedTransactionManager failingCommitWith(Exception failure) {
        this.commitFailure = failure;
        return this;
    }

    ScriptedTransactionManager failingResumeWith(Exception failure) {
        this.resumeFailure = failure;
        return this;
    }

    List<String> calls() {
        return calls;
    }

    @Override
    public void begin() throws NotSupportedException {
        calls.add("begin");
        if (current != null) {
            throw new NotSupportedException("a transaction is already associated with the thread");
        }
        current = new ScriptedTransaction();
    }

    @Override
    public void commit()
            throws RollbackException, HeuristicMixedException, HeuristicRollbackException, SystemException {
        calls.add("commit");
        ScriptedTransaction committing = current;
        committing.beforeCompletion(); // Hibernate flushes here, inside the transaction
        current = null;
        committing.completed(commitFailure == null ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK);
        if (commitFailure instanceof RollbackException e) {
            throw e;
        }
        if (commitFailure instanceof HeuristicMixedException e) {
            throw e;
        }
        if (commitFailure instanceof HeuristicRollbackException e) {
            throw e;
        }
        if (commitFailure instanceof SystemException e) {
            throw e;
        }
    }

    @Override
    public void rollback() {
        calls.add("rollback");
        ScriptedTransaction rolledBack = current;
        current = null;
        rolledBack.completed(Status.STATUS_ROLLEDBACK);
    }

    @Override
    public void setRollbackOnly() {
        calls.add("setRollbackOnly");
        current.setRollbackOnly();
    }

    @Override
    public int getStatus() {
        return current == null ? Status.STATUS_NO_TRANSACTION : current.getStatus();
    }

    @Override
    public Transaction getTransaction() {
        return current;
    }

    @Override
    public void setTransactionTimeout(int seconds) {}

    @Override
    public Transaction suspend() {
        calls.add("suspend");
        Transaction suspended = current;
        current = null;
        return suspended;
    }

    @Override
    public void resume(Transaction transaction) throws InvalidTransactionException, SystemException {
        calls.add("resume");
        if (resumeFailure instanceof InvalidTransactionException e) {
            throw e;
        }
        current = (ScriptedTransaction) transaction;
    }

    /** The transaction on the thread now, or null. */
    ScriptedTransaction current() {
        return current;
    }

    /** One transaction: its status and the synchronizations Hibernate registers on it. */
    static final class ScriptedTransaction implements Transaction {
        private final List<Synchronization> synchronizations = new ArrayList<>();
        private int status = Status.STATUS_ACTIVE;

        void completed(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        void beforeCompletion() {
            synchronizations.forEach(Synchronization::beforeCompletion);
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void registerSynchronization(Synchronization synchronization) {
            synchronizations.add(synchronization);
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public void commit() {
            throw new UnsupportedOperationException("committed through the manager");
        }

        @Override
        public void rollback() {
            throw new UnsupportedOperationException("rolled back through the manager");
        }

        @Override
        public boolean delistResource(XAResource resource, int flag) {
            throw new UnsupportedOperationException("no XA resources here");
        }

        @Override
        public boolean enlistResource(XAResource resource) {
            throw new UnsupportedOperationException("no XA resources here");
        }
    }
}
