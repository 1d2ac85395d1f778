package io.streamdingo.store.jpa;

import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;

/** Hibernate's view of the {@link ScriptedTransactionManager} a test puts in place. */
final class ScriptedJtaPlatform implements JtaPlatform {

    private static final long serialVersionUID = 1L;

    private transient ScriptedTransactionManager manager = new ScriptedTransactionManager();

    /** Makes {@code next} the manager of the following operations. */
    void use(ScriptedTransactionManager next) {
        this.manager = next;
    }

    @Override
    public TransactionManager retrieveTransactionManager() {
        return manager;
    }

    @Override
    public UserTransaction retrieveUserTransaction() {
        throw new UnsupportedOperationException("the store uses the transaction manager");
    }

    @Override
    public Object getTransactionIdentifier(Transaction transaction) {
        return transaction;
    }

    @Override
    public boolean canRegisterSynchronization() {
        return manager.current() != null;
    }

    @Override
    public void registerSynchronization(Synchronization synchronization) {
        manager.current().registerSynchronization(synchronization);
    }

    @Override
    public int getCurrentStatus() throws SystemException {
        return manager.getStatus();
    }
}
