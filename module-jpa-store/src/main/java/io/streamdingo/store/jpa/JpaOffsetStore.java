package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.OffsetRows;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Consumers' positions (ST-5) in table {@code sd_offsets} of the event store's database, written with JDBC on
 * the persistence unit's connection: in the caller's JTA transaction when there is one, so a consumer's
 * position moves with its own work.
 *
 * <p>Failures are reported as {@link io.streamdingo.api.StoreUnavailableException} with the driver's
 * exception as cause.
 */
public final class JpaOffsetStore implements OffsetStore {

    private final UnitOfWork unit;
    private final OffsetRows rows;

    /**
     * An offset store over {@code emf}, whose database has StreamDingo's tables (see {@link SchemaMigrations}).
     *
     * @throws io.streamdingo.api.StoreUnavailableException if the database cannot be reached
     */
    public JpaOffsetStore(EntityManagerFactory emf) {
        this.unit = new UnitOfWork(emf);
        this.rows =
                new OffsetRows(unit.inTransaction("detect the database", (em, connection) -> Dialect.of(connection)));
    }

    @Override
    public OptionalLong load(String subscription, String consumerKey) {
        return unit.inTransaction(
                "read a consumer position", (em, connection) -> rows.load(connection, subscription, consumerKey));
    }

    @Override
    public void save(String subscription, String consumerKey, long position) {
        Objects.requireNonNull(subscription, "subscription must not be null");
        Objects.requireNonNull(consumerKey, "consumerKey must not be null");
        if (position < 0) {
            throw new IllegalArgumentException("a position is 0 or more; got " + position);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        unit.inTransaction("store a consumer position", (em, connection) -> {
            rows.save(connection, subscription, consumerKey, position, now);
            return null;
        });
    }

    @Override
    public Map<String, Long> all(String subscription) {
        return unit.inTransaction("read consumer positions", (em, connection) -> rows.all(connection, subscription));
    }

    @Override
    public boolean remove(String subscription, String consumerKey) {
        return unit.inTransaction(
                "remove a consumer position", (em, connection) -> rows.delete(connection, subscription, consumerKey));
    }
}
