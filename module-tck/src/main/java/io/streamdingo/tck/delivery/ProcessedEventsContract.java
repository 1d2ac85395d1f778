package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.spi.ProcessedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the processed-events SPI (ST-8): work runs once per consumer and event, a failure records
 * nothing, and concurrent duplicates wait for each other. Nothing is skipped.
 */
public abstract class ProcessedEventsContract {

    private ProcessedEvents processed;
    private final String consumer = "billing-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** The table under test, new for every test. */
    protected abstract ProcessedEvents newProcessedEvents();

    /**
     * Returns once {@code duplicate}, a thread inside {@link ProcessedEvents#processOnce} for an event whose first
     * delivery is still being processed, waits for that first delivery to finish. The concurrency tests call it
     * so that they test the wait and not a race that happened to be won.
     *
     * <p>By default: the thread is parked, waiting or blocked in this JVM, which is what an in-memory lock does.
     * A table in a database server waits inside the server while the thread reads its socket: override this to
     * ask the database whether a session waits for a lock.
     *
     * @throws AssertionError if it does not wait within 10 seconds
     */
    protected void awaitWaitingForTheFirst(Thread duplicate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread.State state = duplicate.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the duplicate delivery did not wait for the first one: " + duplicate.getState());
    }

    /** A duplicate delivery on a thread of the pool: its thread, its outcome, and how long it took. */
    private final class Duplicate {
        private final AtomicReference<Thread> thread = new AtomicReference<>();
        private final AtomicLong tookMillis = new AtomicLong(-1);
        private final Future<?> outcome;

        /** Starts {@code delivery} and returns once its thread runs. */
        Duplicate(Runnable delivery) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            outcome = threads.submit(() -> {
                thread.set(Thread.currentThread());
                started.countDown(); // never blocks: a waiting state seen from now on is inside processOnce
                long start = System.nanoTime();
                try {
                    delivery.run();
                } finally {
                    tookMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS))
                    .as("the duplicate delivery's thread started")
                    .isTrue();
        }

        /** {@link #awaitWaitingForTheFirst}, saying on failure whether and when the duplicate had ended. */
        void awaitWaiting() throws InterruptedException {
            try {
                awaitWaitingForTheFirst(thread.get());
            } catch (AssertionError notWaiting) {
                long took = tookMillis.get();
                throw new AssertionError(
                        notWaiting.getMessage()
                                + (took < 0
                                        ? "; the duplicate is still running"
                                        : "; the duplicate had ended after " + took + " ms"),
                        notWaiting);
            }
        }

        void await() throws Exception {
            outcome.get(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    final void open() {
        processed = newProcessedEvents();
    }

    @AfterEach
    final void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theFirstDeliveryRunsTheWorkAndRecordsIt() {
        UUID event = UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();

        assertThat(processed.processOnce(consumer, event, tx -> runs.incrementAndGet()))
                .isTrue();

        assertThat(runs).hasValue(1);
        assertThat(processed.isProcessed(consumer, event)).isTrue();
    }

    @Test
    void aRedeliveredDuplicateIsSkipped() {
        UUID event = UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        processed.processOnce(consumer, event, tx -> runs.incrementAndGet());

        assertThat(processed.processOnce(consumer, event, tx -> runs.incrementAndGet()))
                .isFalse();

        assertThat(runs).hasValue(1);
    }

    @Test
    void eachConsumerProcessesAnEventOnceForItself() {
        UUID event = UUID.randomUUID();
        processed.processOnce(consumer, event, tx -> {});

        assertThat(processed.processOnce(consumer + "-shipping", event, tx -> {}))
                .isTrue();
    }

    @Test
    void failedWorkRecordsNothingSoTheNextDeliveryRunsItAgain() {
        UUID event = UUID.randomUUID();

        assertThatThrownBy(() -> processed.processOnce(consumer, event, tx -> {
                    throw new IllegalStateException("payment service down");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("payment service down");

        assertThat(processed.isProcessed(consumer, event)).isFalse();
        assertThat(processed.processOnce(consumer, event, tx -> {})).isTrue();
    }

    @Test
    void twoConcurrentDeliveriesOfOneEventRunTheWorkOnce() throws Exception {
        UUID event = UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> first = threads.submit(() -> processed.processOnce(consumer, event, tx -> {
            runs.incrementAndGet();
            firstInside.countDown();
            release.await(10, TimeUnit.SECONDS);
        }));
        assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(processed.isProcessed(consumer, event))
                .as("the first delivery's record is not visible before its work commits")
                .isFalse();
        AtomicBoolean secondRan = new AtomicBoolean();
        Duplicate second = new Duplicate(
                () -> secondRan.set(processed.processOnce(consumer, event, tx -> runs.incrementAndGet())));
        second.awaitWaiting();
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        second.await();
        assertThat(secondRan).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void whenTheFirstOfTwoConcurrentDeliveriesFailsTheSecondRuns() throws Exception {
        UUID event = UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> first = threads.submit(() -> processed.processOnce(consumer, event, tx -> {
            firstInside.countDown();
            release.await(10, TimeUnit.SECONDS);
            throw new IllegalStateException("crashed");
        }));
        assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(processed.isProcessed(consumer, event))
                .as("the first delivery's record is not visible before its work commits")
                .isFalse();
        AtomicBoolean secondRan = new AtomicBoolean();
        Duplicate second = new Duplicate(
                () -> secondRan.set(processed.processOnce(consumer, event, tx -> runs.incrementAndGet())));
        second.awaitWaiting();
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        second.await();
        assertThat(secondRan).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void oldRecordsAreDeletedByTtlCleanup() {
        UUID event = UUID.randomUUID();
        processed.processOnce(consumer, event, tx -> {});

        assertThat(processed.deleteProcessedBefore(Instant.now().minus(Duration.ofDays(1))))
                .isZero();
        assertThat(processed.isProcessed(consumer, event)).isTrue();
        assertThat(processed.deleteProcessedBefore(Instant.now().plus(Duration.ofDays(1))))
                .isPositive();
        assertThat(processed.isProcessed(consumer, event)).isFalse();
    }

    @Test
    void aBatchRunsTheWorkForEachNewEventInOrderAndSkipsTheProcessedOnes() {
        UUID before = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        processed.processOnce(consumer, before, tx -> {});
        List<UUID> worked = new ArrayList<>();

        List<UUID> ran = processed.processAll(consumer, List.of(first, before, second), (tx, id) -> worked.add(id));

        assertThat(ran).containsExactly(first, second);
        assertThat(worked).containsExactly(first, second);
        assertThat(processed.isProcessed(consumer, first)).isTrue();
        assertThat(processed.isProcessed(consumer, second)).isTrue();
    }

    @Test
    void aBatchWhoseWorkFailsOnOneEventRecordsNoneOfItAndRunsWhollyNextTime() {
        UUID first = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        List<UUID> batch = List.of(first, failing, last);

        assertThatThrownBy(() -> processed.processAll(consumer, batch, (tx, id) -> {
                    if (id.equals(failing)) {
                        throw new IllegalStateException("the ledger refused " + id);
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the ledger refused");

        assertThat(batch).noneMatch(id -> processed.isProcessed(consumer, id));
        assertThat(processed.processAll(consumer, batch, (tx, id) -> {})).containsExactlyElementsOf(batch);
    }
}
