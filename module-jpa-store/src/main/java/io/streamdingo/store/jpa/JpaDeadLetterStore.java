package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.StoredDeadLetter;
import io.streamdingo.store.jpa.sql.DeadLetterRows;
import io.streamdingo.store.jpa.sql.Dialect;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link DeadLetterStore} in the table {@code sd_dead_letters}: dead letters survive restarts, are shared by
 * the servers of one database, and are deleted by the dead-letter retention. Each call is a transaction of its
 * own (a caller's JTA transaction is suspended): a dead letter is kept even if the caller's work rolls back.
 */
public final class JpaDeadLetterStore implements DeadLetterStore {

    private final UnitOfWork unit;
    private final DeadLetterRows rows;

    /**
     * A dead-letter store over {@code emf}, whose database has StreamDingo's tables (see
     * {@link SchemaMigrations}).
     *
     * @throws io.streamdingo.api.StoreUnavailableException if the database cannot be reached
     */
    public JpaDeadLetterStore(EntityManagerFactory emf) {
        this.unit = new UnitOfWork(emf);
        this.rows = new DeadLetterRows(
                unit.inTransaction("detect the database", (em, connection) -> Dialect.of(connection)));
    }

    @Override
    public void add(StoredDeadLetter letter) {
        Objects.requireNonNull(letter, "letter must not be null");
        try {
            unit.inSeparateTransaction("keep a dead letter", (em, connection) -> {
                rows.insert(connection, letter);
                return null;
            });
        } catch (UnitOfWork.UniqueViolation e) {
            // H2 only (the others insert if absent): this letter is kept already
        }
    }

    @Override
    public List<StoredDeadLetter> list(String subscription, int limit) {
        Objects.requireNonNull(subscription, "subscription must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is 1 or more; got " + limit);
        }
        return unit.inTransaction("read dead letters", (em, connection) -> rows.list(connection, subscription, limit));
    }

    @Override
    public boolean delete(String subscription, UUID id) {
        Objects.requireNonNull(subscription, "subscription must not be null");
        Objects.requireNonNull(id, "id must not be null");
        return unit.inSeparateTransaction(
                "delete a dead letter", (em, connection) -> rows.delete(connection, subscription, id));
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff must not be null");
        return unit.inSeparateTransaction(
                "delete old dead letters", (em, connection) -> rows.deleteBefore(connection, cutoff));
    }
}
