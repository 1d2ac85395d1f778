package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Transient conflicts are tried again a bounded number of times, then reported as the store being unavailable. */
class RetriesTest {

    @Test
    void aConflictThatClearsIsRetriedUntilTheOperationSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        String result = Retries.withRetries("append", "stream s-1", attempt -> {
            if (attempts.incrementAndGet() < 3) {
                throw new UnitOfWork.Retry(null);
            }
            return "done on attempt " + attempt;
        });

        assertThat(result).isEqualTo("done on attempt 3");
    }

    @Test
    void aConflictThatPersistsEndsAsUnavailableAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Retries.withRetries("append", "stream s-1", attempt -> {
                    attempts.incrementAndGet();
                    throw new UnitOfWork.Retry(null);
                }))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("could not append on stream s-1 after " + Retries.ATTEMPTS + " attempts")
                .hasCauseInstanceOf(UnitOfWork.Retry.class);
        assertThat(attempts).hasValue(Retries.ATTEMPTS);
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Retries.withRetries("append", "stream s-1", attempt -> {
                        throw new UnitOfWork.Retry(null);
                    }))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("interrupted while waiting to append on stream s-1 again");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // leave the test thread as it was
        }
    }
}
