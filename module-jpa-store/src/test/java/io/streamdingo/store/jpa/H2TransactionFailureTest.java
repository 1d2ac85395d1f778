package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.StoreUnavailableException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the store makes of a transaction manager's failures: outcomes a real manager produces only under
 * faults (a commit rolled back, heuristic outcomes, a transaction that cannot be resumed), scripted.
 */
class H2TransactionFailureTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.H2);

    private static final UnitOfWork.Work<Integer> SELECT_ONE = (em, connection) -> {
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT 1")) {
            row.next();
            return row.getInt(1);
        }
    };

    private static final ScriptedJtaPlatform PLATFORM = new ScriptedJtaPlatform();

    private static EntityManagerFactory jtaUnit;

    /** The store's unit of work on a JTA unit whose transaction manager is {@code jta}. */
    private static synchronized UnitOfWork unitWith(ScriptedTransactionManager jta) {
        if (jtaUnit == null) {
            jtaUnit = SCHEMA.jtaUnit(PLATFORM); // booting suspends and resumes: not part of any test's script
        }
        PLATFORM.use(jta);
        return new UnitOfWork(jtaUnit);
    }

    @Test
    void aCommitThatRollsBackIsUnavailableNamingTheOutcomeWithTheManagersException() {
        RollbackException rolledBack = new RollbackException("marked for rollback by a timeout");
        ScriptedTransactionManager jta = new ScriptedTransactionManager().failingCommitWith(rolledBack);

        assertThatThrownBy(() -> unitWith(jta).inTransaction("append events", SELECT_ONE))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("could not append events: the transaction was rolled back instead of committed")
                .hasCause(rolledBack);
    }

    @Test
    void aHeuristicMixedOutcomeIsUnavailableSayingItPartlyCommitted() {
        ScriptedTransactionManager jta =
                new ScriptedTransactionManager().failingCommitWith(new HeuristicMixedException("one branch"));

        assertThatThrownBy(() -> unitWith(jta).inTransaction("append events", SELECT_ONE))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("partly committed and partly rolled back")
                .hasCauseInstanceOf(HeuristicMixedException.class);
    }

    @Test
    void aHeuristicRollbackIsUnavailable() {
        ScriptedTransactionManager jta =
                new ScriptedTransactionManager().failingCommitWith(new HeuristicRollbackException("rolled back"));

        assertThatThrownBy(() -> unitWith(jta).inTransaction("append events", SELECT_ONE))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("rolled back heuristically")
                .hasCauseInstanceOf(HeuristicRollbackException.class);
    }

    @Test
    void aSessionThatCannotBeOpenedLeavesNoTransactionOnThePooledThread() {
        ScriptedTransactionManager jta = new ScriptedTransactionManager();
        PLATFORM.use(new ScriptedTransactionManager());
        EntityManagerFactory closed = SCHEMA.jtaUnit(PLATFORM);
        PLATFORM.use(jta);
        UnitOfWork unit = new UnitOfWork(closed);
        closed.close();

        assertThatThrownBy(() -> unit.inTransaction("append events", SELECT_ONE))
                .isInstanceOf(IllegalStateException.class);

        assertThat(jta.calls()).containsExactly("begin", "rollback");
        assertThat(jta.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
    }

    @Test
    void aFailedResumeIsAddedToTheFirstErrorNeverHidingIt() {
        InvalidTransactionException notResumable =
                new InvalidTransactionException("the caller's transaction timed out");
        ScriptedTransactionManager jta =
                new ScriptedTransactionManager().insideCallersTransaction().failingResumeWith(notResumable);

        assertThatThrownBy(() -> unitWith(jta).inSeparateTransaction("store a snapshot", (em, connection) -> {
                    throw new SQLException("connection reset", "08006");
                }))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("failed to store a snapshot (SQL state 08006)")
                .satisfies(first -> assertThat(first.getSuppressed())
                        .singleElement()
                        .satisfies(suppressed -> assertThat(suppressed)
                                .hasMessageContaining("cannot resume the caller's transaction after store a snapshot")
                                .hasCause(notResumable)));
        assertThat(jta.calls()).containsExactly("suspend", "begin", "rollback", "resume");
    }

    @Test
    void aFailedResumeAfterSuccessfulWorkIsReportedItself() {
        ScriptedTransactionManager jta = new ScriptedTransactionManager()
                .insideCallersTransaction()
                .failingResumeWith(new InvalidTransactionException("gone"));

        assertThatThrownBy(() -> unitWith(jta).inSeparateTransaction("store a snapshot", SELECT_ONE))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot resume the caller's transaction after store a snapshot")
                .hasMessageContaining("roll back the caller's work and run it again");
        assertThat(jta.calls()).containsExactly("suspend", "begin", "commit", "resume");
    }

    @Test
    void workInTheCallersTransactionThatFailsMarksItRollbackOnly() {
        ScriptedTransactionManager jta = new ScriptedTransactionManager().insideCallersTransaction();

        assertThatThrownBy(() -> unitWith(jta).inTransaction("append events", (em, connection) -> {
                    throw new SQLException("connection reset", "08006");
                }))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(jta.calls()).containsExactly("setRollbackOnly");
    }

    @Test
    void workInTheCallersTransactionTellsItsCommitOnlyWhenTheCallerCommits() throws Exception {
        ScriptedTransactionManager jta = new ScriptedTransactionManager().insideCallersTransaction();
        UnitOfWork unit = unitWith(jta);
        AtomicBoolean told = new AtomicBoolean();

        unit.inTransaction("append events", SELECT_ONE);
        unit.afterCommit(() -> told.set(true));
        assertThat(told).isFalse();

        jta.commit();
        assertThat(told).isTrue();
    }

    @Test
    void workInTheCallersTransactionNeverTellsACommitWhenTheCallerRollsBack() {
        ScriptedTransactionManager jta = new ScriptedTransactionManager().insideCallersTransaction();
        UnitOfWork unit = unitWith(jta);
        AtomicBoolean told = new AtomicBoolean();

        unit.inTransaction("append events", SELECT_ONE);
        unit.afterCommit(() -> told.set(true));
        jta.rollback();

        assertThat(told).isFalse();
    }

    @Test
    void workInATransactionOfItsOwnTellsItsCommitAtOnce() {
        UnitOfWork unit = unitWith(new ScriptedTransactionManager());
        AtomicBoolean told = new AtomicBoolean();

        unit.inTransaction("append events", SELECT_ONE);
        unit.afterCommit(() -> told.set(true));

        assertThat(told).isTrue();
    }
}
