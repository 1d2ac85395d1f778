package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ES-1, ES-2 and the RL race tests: concurrent writers and a tailing reader. */
public interface ConcurrencyContract extends ContractFixture {

    int WRITERS = 8;
    int APPENDS_PER_WRITER = 130;
    int MAX_ATTEMPTS_PER_WRITER = 20_000;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    default void concurrentWritersOnOneStreamDetectEveryConflictAndLeaveNoGap() throws Exception {
        StreamId stream = newStreamId();
        Set<Long> expectedVersionsThatWon = ConcurrentHashMap.newKeySet();
        Set<UUID> appendedIds = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger duplicateWins = new AtomicInteger();

        runConcurrently(WRITERS, writer -> {
            int appended = 0;
            for (int attempt = 0; appended < APPENDS_PER_WRITER; attempt++) {
                assertThat(attempt).as("attempts of writer " + writer).isLessThan(MAX_ATTEMPTS_PER_WRITER);
                attempts.incrementAndGet();
                long seen = store().currentVersion(stream);
                ExpectedVersion expected = seen == 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(seen);
                NewEvent event = NewEvent.of(new ItemAdded("w" + writer + "-" + attempt, 1));
                try {
                    AppendResult result = store().append(stream, expected, List.of(event));
                    assertThat(result.currentVersion()).isEqualTo(seen + 1);
                    if (!expectedVersionsThatWon.add(seen)) {
                        duplicateWins.incrementAndGet();
                    }
                    appendedIds.add(event.eventId());
                    appended++;
                } catch (WrongExpectedVersionException e) {
                    conflicts.incrementAndGet();
                }
            }
        });

        int wins = WRITERS * APPENDS_PER_WRITER;
        assertThat(duplicateWins)
                .as("appends that succeeded on an already-used version")
                .hasValue(0);
        assertThat(expectedVersionsThatWon).hasSize(wins);
        assertThat(wins + conflicts.get())
                .as("attempts that won or saw a conflict")
                .isEqualTo(attempts.get());
        List<RecordedEvent> events = store().read(stream).toList();
        assertThat(versions(events)).isEqualTo(versionRange(1, wins));
        assertThat(events).extracting(RecordedEvent::eventId).doesNotHaveDuplicates();
        assertThat(new HashSet<>(events.stream().map(RecordedEvent::eventId).toList()))
                .isEqualTo(appendedIds);
        assertThat(store().currentVersion(stream)).isEqualTo(wins);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    default void aTailingReaderEndsWithExactlyTheCommittedEventsInOrder() throws Exception {
        String category = newCategory();
        long start = store().headPosition();
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        List<RecordedEvent> seen = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);

        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> reader = readerThread.submit(() -> tail(store(), start, category, seen, writing, committed));
            runConcurrently(WRITERS, writer -> {
                for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                    StreamId stream = StreamId.of(category, "w" + writer + "-s" + (i % 5));
                    List<NewEvent> batch = NewEvent.all(new ItemAdded("a", i), new ItemAdded("b", i));
                    store().append(stream, ExpectedVersion.any(), batch.subList(0, 1 + i % 2));
                    batch.subList(0, 1 + i % 2).forEach(e -> committed.add(e.eventId()));
                }
            });
            writing.set(false);
            reader.get(3, TimeUnit.MINUTES);
        } finally {
            readerThread.shutdownNow();
        }

        assertThat(seen).extracting(RecordedEvent::eventId).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen.stream().map(RecordedEvent::eventId).toList()))
                .isEqualTo(committed);
        assertThat(seen).extracting(RecordedEvent::globalPosition).isSorted();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    default void writersContendingForTheSameStreamsGetGlobalPositionsInVersionOrder() throws Exception {
        String category = newCategory();
        List<StreamId> streams = List.of(StreamId.of(category, "hot-1"), StreamId.of(category, "hot-2"));
        long start = store().headPosition();

        runConcurrently(WRITERS, writer -> {
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                store().append(
                                streams.get(i % streams.size()),
                                ExpectedVersion.any(),
                                List.of(NewEvent.of(new ItemAdded("w" + writer, i))));
            }
        });

        List<RecordedEvent> inGlobalOrder = store().readAll(start).toList();
        for (StreamId stream : streams) {
            List<Long> versions = inGlobalOrder.stream()
                    .filter(e -> e.streamId().equals(stream))
                    .map(RecordedEvent::streamVersion)
                    .toList();
            assertThat(versions)
                    .as("versions of " + stream + " in the order of their global positions")
                    .isEqualTo(versionRange(1, versions.size()));
        }
    }

    /**
     * Follows the global order of {@code store} from {@code start}, keeping the events of {@code category} in
     * {@code seen}, until {@code writing} is false and every id in {@code committed} was seen — then one more
     * pass, for a duplicate — or two minutes after writing stopped (the caller's assertions then name what never
     * came: a skipped event never does). A committed event may become readable in the global order some time
     * after its append returned (on PostgreSQL, once older transactions of the cluster have ended), so the
     * reader waits for it rather than stopping at the first pass after the writers. Fails if a position does
     * not grow.
     */
    static Void tail(
            io.streamdingo.api.EventStore store,
            long start,
            String category,
            List<RecordedEvent> seen,
            AtomicBoolean writing,
            Set<UUID> committed) {
        long last = start;
        Set<UUID> seenIds = new HashSet<>();
        long deadline = Long.MAX_VALUE;
        boolean finalPass = false;
        while (true) {
            boolean lastPass = finalPass;
            for (RecordedEvent event : store.readAll(last).toList()) {
                assertThat(event.globalPosition()).isGreaterThan(last);
                last = event.globalPosition();
                if (event.streamId().category().equals(category)) {
                    seen.add(event);
                    seenIds.add(event.eventId());
                }
            }
            if (lastPass) {
                return null;
            }
            if (!writing.get()) {
                deadline = Math.min(deadline, System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
                finalPass = seenIds.containsAll(committed) || System.nanoTime() > deadline;
            }
        }
    }

    /** Runs {@code body} on {@code threads} threads that start together; rethrows the first failure. */
    private static void runConcurrently(int threads, WriterBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                running.add(pool.submit(() -> {
                    start.await();
                    body.run(writer);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get(Duration.ofMinutes(4).toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One writer's work. */
    @FunctionalInterface
    interface WriterBody {
        void run(int writer) throws Exception;
    }
}
