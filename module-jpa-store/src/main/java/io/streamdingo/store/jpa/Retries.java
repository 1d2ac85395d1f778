package io.streamdingo.store.jpa;

import io.streamdingo.api.StoreUnavailableException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Runs an operation again while it ends in a transient conflict ({@link UnitOfWork.Retry}: a deadlock, a
 * serialization failure, a lock wait that timed out, a concurrent creator of the same row), up to
 * {@value #ATTEMPTS} attempts. Between attempts it waits a random time below an exponentially growing bound
 * ("full jitter"), so that writers that collided once do not collide again in lockstep.
 */
final class Retries {

    static final int ATTEMPTS = 5;

    /** The first wait's upper bound; doubled for each further attempt (5, 10, 20, 40 ms). */
    private static final long FIRST_BOUND_MILLIS = 5;

    private Retries() {}

    /**
     * The outcome of {@code body}, called with the attempt number counting from 1.
     *
     * @throws StoreUnavailableException after the last attempt, or when interrupted while waiting, with the last
     *     conflict as cause
     */
    static <T> T withRetries(String operation, Object subject, IntFunction<T> body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return body.apply(attempt);
            } catch (UnitOfWork.Retry conflict) {
                if (attempt == ATTEMPTS) {
                    throw new StoreUnavailableException(
                            "could not " + operation + " on " + subject + " after " + ATTEMPTS
                                    + " attempts because of lock conflicts with concurrent writers; retry later",
                            conflict);
                }
                pause(attempt, operation, subject, conflict);
            }
        }
    }

    private static void pause(int attempt, String operation, Object subject, UnitOfWork.Retry conflict) {
        long bound = FIRST_BOUND_MILLIS << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            StoreUnavailableException interrupted = new StoreUnavailableException(
                    "interrupted while waiting to " + operation + " on " + subject + " again", e);
            interrupted.addSuppressed(conflict);
            throw interrupted;
        }
    }
}
