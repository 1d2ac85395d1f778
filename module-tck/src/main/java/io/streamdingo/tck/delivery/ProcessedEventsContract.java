package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.spi.ProcessedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        Future<Boolean> second =
                threads.submit(() -> processed.processOnce(consumer, event, tx -> runs.incrementAndGet()));
        Thread.sleep(Duration.ofMillis(200).toMillis()); // the duplicate is now waiting on the first
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
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
        Future<Boolean> second =
                threads.submit(() -> processed.processOnce(consumer, event, tx -> runs.incrementAndGet()));
        Thread.sleep(200);
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
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
}
