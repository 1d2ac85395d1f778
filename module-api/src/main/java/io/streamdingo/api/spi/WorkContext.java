package io.streamdingo.api.spi;

/**
 * The transaction a piece of exactly-once work runs in, giving access to its resources without naming
 * their types in the api: the Jakarta Persistence store offers {@code jakarta.persistence.EntityManager}
 * and {@code java.sql.Connection}, both in the same transaction as the processed-events record.
 */
public interface WorkContext {

    /**
     * The transaction's resource of {@code type}.
     *
     * @throws IllegalArgumentException if this implementation has no resource of that type (the message
     *     lists those it has)
     */
    <T> T unwrap(Class<T> type);
}
