package io.streamdingo.benchmarks.postgres;

/**
 * One event store under measurement: the same events, the same database, the same pool. Each method does the
 * whole work a user of that store would (serialize, store, commit; read and deserialize).
 */
public interface Contender extends AutoCloseable {

    /** The name printed in tables and results. */
    String name();

    /** Empties this contender's tables. */
    void reset() throws Exception;

    /**
     * Appends {@code events} events to the new stream {@code streamId}, {@code perTransaction} per append call
     * and transaction.
     */
    void appendBatches(String streamId, int events, int perTransaction) throws Exception;

    /** Reads the stream back in full, deserializing every payload; returns how many events it read. */
    long read(String streamId) throws Exception;

    /** Appends one event at {@code version} (1 for a new stream) in a transaction of its own. */
    void appendOne(String streamId, long version) throws Exception;

    @Override
    default void close() throws Exception {}
}
