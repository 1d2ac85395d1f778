package io.streamdingo.api.spi;

import java.time.Duration;

/**
 * What the engine reports as it works, for metrics: appends, publications by the outbox relay, deliveries
 * and their outcomes, replay decisions, snapshots and integrity failures. The management module turns these
 * into MicroProfile Metrics; a test can record them.
 *
 * <p>Every figure is tagged by a bounded set only — a stream's category, a subscription's name, an aggregate
 * type — never by a stream or event id, so that a metrics backend's series stay few.
 *
 * <p>Contract: methods are called on the engine's working threads, often while it holds a lock, so they must
 * be quick, thread-safe and must not block or throw (the engine catches and drops what one throws; a broken
 * observer never breaks an append or a delivery). Every method does nothing by default.
 */
public interface EngineObserver {

    /** An observer that ignores everything. */
    EngineObserver NONE = new EngineObserver() {};

    /**
     * {@code events} events of {@code category} were appended (counted when the append returns; a caller's
     * transaction that rolls back afterwards does not take them back).
     */
    default void appended(String category, int events) {}

    /** The outbox relay handed an event of {@code category} to the broker, {@code sinceRecorded} after its commit. */
    default void published(String category, Duration sinceRecorded) {}

    /** An event was handed to a consumer of {@code subscription} (a first delivery or a retry). */
    default void delivered(String subscription) {}

    /** A consumer of {@code subscription} acknowledged an event {@code processing} after it was handed over. */
    default void acknowledged(String subscription, Duration processing) {}

    /** A consumer of {@code subscription} gave an event back (a nack or a visibility timeout): it is retried. */
    default void nacked(String subscription) {}

    /** An event of {@code subscription} became a dead letter. */
    default void deadLettered(String subscription) {}

    /** Under exactly-once, an event {@code subscription} had processed already was skipped. */
    default void duplicateSkipped(String subscription) {}

    /** How a state of {@code aggregateType} was rebuilt. */
    enum ReplayStart {
        /** Every event applied from the first. */
        FULL,
        /** From the newest snapshot. */
        LATEST_SNAPSHOT,
        /** From an older snapshot, newer ones being stale. */
        OLDER_SNAPSHOT
    }

    /** A state of {@code aggregateType} was rebuilt, starting as {@code start} says. */
    default void replayed(String aggregateType, ReplayStart start) {}

    /** A snapshot of {@code aggregateType} was stored. */
    default void snapshotWritten(String aggregateType) {}

    /** A hash chain or a snapshot of {@code category} (a stream category or an aggregate type) did not verify. */
    default void integrityFailed(String category) {}
}
