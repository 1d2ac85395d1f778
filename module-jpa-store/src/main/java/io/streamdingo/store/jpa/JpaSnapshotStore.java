package io.streamdingo.store.jpa;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.StoredSnapshot;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.SnapshotRows;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Objects;

/**
 * The snapshot SPI on the Jakarta Persistence unit of the event store: table {@code sd_snapshots}, written
 * with JDBC on the unit's connection.
 *
 * <p>A snapshot only saves time later, so writing one must never harm the business transaction that loaded
 * the aggregate: {@link #save}, {@link #keepLatest} and {@link #delete} run in a transaction of their own (a
 * caller's JTA transaction is suspended meanwhile), so a failure or a concurrent writer of the same snapshot
 * cannot mark the caller's transaction rollback-only, and no snapshot row stays locked until the caller
 * commits. A concurrent save of the same stream, state type and version is an insert-if-absent: the first
 * wins, the other does nothing. Reads and {@link #clear} join the caller's transaction.
 *
 * <p>Failures are reported as {@link io.streamdingo.api.StoreUnavailableException} with the driver's
 * exception as cause.
 */
public final class JpaSnapshotStore implements SnapshotStore {

    private final UnitOfWork unit;
    private final SnapshotRows rows;

    /**
     * A snapshot store over {@code emf}, whose database has StreamDingo's tables (see {@link SchemaMigrations}).
     *
     * @throws io.streamdingo.api.StoreUnavailableException if the database cannot be reached
     */
    public JpaSnapshotStore(EntityManagerFactory emf) {
        this.unit = new UnitOfWork(emf);
        this.rows =
                new SnapshotRows(unit.inTransaction("detect the database", (em, connection) -> Dialect.of(connection)));
    }

    /** A snapshot store in the database of {@code backend}'s events, on the same factory. */
    public static JpaSnapshotStore beside(JpaEventStoreBackend backend) {
        return new JpaSnapshotStore(backend.factory());
    }

    @Override
    public void save(StoredSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot must not be null");
        try {
            unit.inSeparateTransaction("store a snapshot", (em, connection) -> {
                rows.replace(connection, snapshot);
                return null;
            });
        } catch (UnitOfWork.UniqueViolation e) {
            // H2 only (the others insert if absent): another thread or server stored the snapshot of the same
            // version at the same moment, from the same events, so theirs serves as well as ours.
        }
    }

    @Override
    public List<StoredSnapshot> list(StreamId streamId, String stateType) {
        return unit.inTransaction("read snapshots", (em, connection) -> rows.list(connection, streamId, stateType));
    }

    @Override
    public void delete(StreamId streamId, String stateType, long version) {
        unit.inSeparateTransaction(
                "delete a snapshot", (em, connection) -> rows.delete(connection, streamId, stateType, version));
    }

    @Override
    public int keepLatest(StreamId streamId, String stateType, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot keep " + count + " snapshots; keep 0 or more");
        }
        return unit.inSeparateTransaction("delete old snapshots", (em, connection) -> {
            List<Long> versions = rows.versions(connection, streamId, stateType);
            if (versions.size() <= count) {
                return 0;
            }
            long oldestKept = count == 0 ? Long.MAX_VALUE : versions.get(count - 1);
            return rows.deleteBelow(connection, streamId, stateType, oldestKept);
        });
    }

    @Override
    public int clear(StreamId streamId) {
        return unit.inTransaction("delete snapshots", (em, connection) -> rows.deleteAll(connection, streamId));
    }
}
