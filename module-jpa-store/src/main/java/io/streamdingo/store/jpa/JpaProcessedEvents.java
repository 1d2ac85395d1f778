package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.spi.WorkContext;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.ProcessedEventRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The processed-events table (ST-8) in the event store's database: {@code sd_processed_events}, one row per
 * consumer and event, inserted in the same transaction as the consumer's work, which reaches that
 * transaction through {@link WorkContext#unwrap} ({@link EntityManager} or {@link Connection}). Inside a JTA
 * transaction the caller's is joined: the record commits with the container's other work.
 *
 * <p>The primary key is the idempotency lock: a second transaction inserting the same pair waits for the
 * first and then finds it recorded (skips) or not (runs).
 */
public final class JpaProcessedEvents implements ProcessedEvents {

    private final UnitOfWork unit;
    private final ProcessedEventRows rows;
    private final Clock clock;

    /**
     * A processed-events table over {@code emf}, whose database has StreamDingo's tables.
     *
     * @throws io.streamdingo.api.StoreUnavailableException if the database cannot be reached
     */
    public JpaProcessedEvents(EntityManagerFactory emf, Clock clock) {
        this.unit = new UnitOfWork(emf);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rows = new ProcessedEventRows(
                unit.inTransaction("detect the database", (em, connection) -> Dialect.of(connection)));
    }

    @Override
    public boolean processOnce(String consumer, UUID eventId, Work work) {
        Objects.requireNonNull(consumer, "consumer must not be null");
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(work, "work must not be null");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            // a concurrent duplicate waits for the first delivery's outcome; if that wait times out (H2 after
            // 2 s), it asks again rather than failing the delivery
            return Retries.withRetries(
                    "process an event once",
                    "event " + eventId + " for " + consumer,
                    attempt -> unit.inTransaction("process an event once", (em, connection) -> {
                        if (!rows.record(connection, consumer, eventId, now)) {
                            return false;
                        }
                        try {
                            work.run(new Context(em, connection));
                        } catch (Exception e) {
                            throw new UnitOfWork.CallerFailure(e);
                        }
                        return true;
                    }));
        } catch (UnitOfWork.CallerFailure failure) {
            Throwable cause = failure.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(
                    "exactly-once work of " + consumer + " on event " + eventId + " failed and was rolled back", cause);
        }
    }

    @Override
    public List<UUID> processAll(String consumer, List<UUID> eventIds, EachWork work) {
        Objects.requireNonNull(consumer, "consumer must not be null");
        Objects.requireNonNull(work, "work must not be null");
        List<UUID> ids = List.copyOf(eventIds);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return Retries.withRetries(
                    "process events once",
                    ids.size() + " events for " + consumer,
                    attempt -> unit.inTransaction("process events once", (em, connection) -> {
                        Context context = new Context(em, connection);
                        List<UUID> ran = new ArrayList<>();
                        for (UUID id : ids) {
                            if (rows.record(connection, consumer, id, now)) {
                                try {
                                    work.run(context, id);
                                } catch (Exception e) {
                                    throw new UnitOfWork.CallerFailure(e);
                                }
                                ran.add(id);
                            }
                        }
                        return ran;
                    }));
        } catch (UnitOfWork.CallerFailure failure) {
            Throwable cause = failure.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(
                    "exactly-once work of " + consumer + " on a batch of " + ids.size() + " events failed and was"
                            + " rolled back",
                    cause);
        }
    }

    @Override
    public boolean isProcessed(String consumer, UUID eventId) {
        return unit.inTransaction(
                "read the processed events", (em, connection) -> rows.exists(connection, consumer, eventId));
    }

    @Override
    public int deleteProcessedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff must not be null");
        return unit.inTransaction(
                "delete old processed events", (em, connection) -> rows.deleteBefore(connection, cutoff));
    }

    /** The transaction's entity manager and connection, for the consumer's work. */
    private record Context(EntityManager entityManager, Connection connection) implements WorkContext {
        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(entityManager)) {
                return type.cast(entityManager);
            }
            if (type.isInstance(connection)) {
                return type.cast(connection);
            }
            throw new IllegalArgumentException("the JPA processed-events table offers jakarta.persistence.EntityManager"
                    + " and java.sql.Connection, not " + type.getName());
        }
    }
}
