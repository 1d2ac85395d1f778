package io.streamdingo.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where subscriptions keep their dead letters (ST-4), so that they survive restarts and can be listed,
 * replayed and deleted. The in-memory reference keeps them for the life of the process; the Jakarta
 * Persistence store in a table. Every implementation passes the dead-letter contract in
 * {@code io.streamdingo.tck}. Implementations are thread-safe.
 */
public interface DeadLetterStore {

    /** Keeps {@code letter}; adding a letter whose id is kept already changes nothing. */
    void add(StoredDeadLetter letter);

    /** Up to {@code limit} dead letters of {@code subscription}, oldest first. */
    List<StoredDeadLetter> list(String subscription, int limit);

    /**
     * Deletes one dead letter.
     *
     * @return false if {@code subscription} has no dead letter {@code id}
     */
    boolean delete(String subscription, UUID id);

    /**
     * Deletes the dead letters of every subscription recorded before {@code cutoff} (the retention).
     *
     * @return how many
     */
    int deleteBefore(Instant cutoff);
}
