package io.streamdingo.api;

/**
 * The event store: append with optimistic concurrency, read streams and the global order, take exclusive
 * sessions, list and delete streams.
 *
 * <p>In a Jakarta EE application, {@code @Inject EventStore}; in plain Java, build one with the engine's
 * {@code EventStores.builder()}. Depend on the smallest role you need ({@link EventAppender},
 * {@link StreamReader}, {@link GlobalOrderReader}, {@link StreamSessions}, {@link StreamCatalog}, {@link IntegrityVerifier},
 * {@link DataSubjects}).
 *
 * <p>Implementations are thread-safe. After {@link #close()} every operation fails with
 * {@link StoreNotOpenException}.
 */
public interface EventStore
        extends EventAppender,
                StreamReader,
                GlobalOrderReader,
                StreamSessions,
                StreamCatalog,
                IntegrityVerifier,
                DataSubjects,
                AutoCloseable {

    /** Closes the store and its backend; idempotent. */
    @Override
    void close();
}
