package io.streamdingo.cli.verify;

import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.hashing.StateHash;
import io.streamdingo.store.jpa.operator.StoreTables;
import io.streamdingo.store.jpa.operator.StoredSnapshotRow;
import io.streamdingo.store.jpa.operator.StreamHead;
import io.streamdingo.store.jpa.operator.StreamSelection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a store in one pass over its events, with bounded memory whatever its size.
 *
 * <p>One thread reads the events in stream and version order through a streaming cursor; each stream goes,
 * whole and in order, to one of the checking workers (chosen by the stream's hash), which compute the hash
 * chain. Batches travel through short bounded queues, so the reader waits when the workers fall behind and
 * no more than a few thousand events are in memory. Meanwhile a second connection checks the snapshots, the
 * head rows without events and the uniqueness of positions and event ids.
 */
public final class StoreVerifier {

    private static final int BATCH = 512;
    private static final int QUEUED_BATCHES = 4;
    private static final int DUPLICATES_LISTED = 100;

    private final Supplier<StoreTables> connections;
    private final int workers;
    private final int fetchSize;

    /**
     * @param connections opens a connection to the store each time it is called (the verifier closes them)
     * @param workers how many threads check hash chains beside the reading thread, at least 1
     * @param fetchSize how many rows the cursor fetches per round trip
     */
    public StoreVerifier(Supplier<StoreTables> connections, int workers, int fetchSize) {
        if (workers < 1 || fetchSize < 1) {
            throw new IllegalArgumentException("workers and fetch size must be at least 1");
        }
        this.connections = connections;
        this.workers = workers;
        this.fetchSize = fetchSize;
    }

    /** How many events {@code selection} covers: the amount of work, for a progress bar. */
    public long countEvents(StreamSelection selection) throws SQLException {
        try (StoreTables tables = connections.get()) {
            return tables.countEvents(selection);
        }
    }

    /**
     * Checks every event, stream head and snapshot of {@code selection}, and for the whole store the uniqueness
     * of positions and event ids.
     *
     * @param progress told how many more events were read, from the reading thread
     * @throws SQLException if the database fails on the way (a damaged row is a finding, not a failure)
     */
    public VerifyReport verify(StreamSelection selection, LongConsumer progress)
            throws SQLException, InterruptedException {
        long started = System.nanoTime();
        Findings findings = new Findings();
        CompletableFuture<Long> sideChecks = CompletableFuture.supplyAsync(() -> sideChecks(selection, findings));
        long[] totals = scanEvents(selection, findings, progress);
        long snapshots;
        try {
            snapshots = sideChecks.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
        return new VerifyReport(
                totals[0],
                totals[1],
                snapshots,
                findings.count(),
                findings.sorted(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private long[] scanEvents(StreamSelection selection, Findings findings, LongConsumer progress)
            throws SQLException, InterruptedException {
        List<Worker> pool = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Worker worker = new Worker(new StreamChecker(findings));
            pool.add(worker);
            worker.thread.start();
        }
        long events = 0;
        try (StoreTables tables = connections.get()) {
            Dispatcher dispatcher = new Dispatcher(pool, progress);
            tables.scanEvents(selection, fetchSize, dispatcher);
            dispatcher.flush();
            events = dispatcher.events;
        } finally {
            for (Worker worker : pool) {
                worker.queue.put(List.of());
            }
            for (Worker worker : pool) {
                worker.thread.join();
            }
        }
        long streams = 0;
        for (Worker worker : pool) {
            Throwable failure = worker.failure.get();
            if (failure != null) {
                throw new IllegalStateException("checking hash chains failed: " + failure, failure);
            }
            streams += worker.checker.streams();
        }
        return new long[] {events, streams};
    }

    /** The snapshot, head and uniqueness checks; returns how many snapshots were checked. */
    private long sideChecks(StreamSelection selection, Findings findings) {
        try (StoreTables tables = connections.get()) {
            long[] snapshots = new long[1];
            tables.scanSnapshots(selection, fetchSize, snapshot -> {
                snapshots[0]++;
                checkSnapshot(snapshot, findings);
            });
            tables.scanHeadsWithoutEvents(selection, head -> checkEmptyHead(head, findings));
            if (selection.category() == null) {
                for (Long position : tables.duplicatePositions(DUPLICATES_LISTED)) {
                    findings.add(new Finding(
                            Finding.STORE,
                            0,
                            "global position " + position
                                    + " is held by more than one event: positions must be unique"));
                }
                for (UUID id : tables.duplicateEventIds(DUPLICATES_LISTED)) {
                    findings.add(new Finding(
                            Finding.STORE,
                            0,
                            "event id " + id + " is stored more than once: event ids must be unique"));
                }
            }
            return snapshots[0];
        } catch (SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static void checkSnapshot(StoredSnapshotRow snapshot, Findings findings) {
        String what = "its snapshot of " + snapshot.stateType() + " at version " + snapshot.version();
        Long streamVersion = snapshot.streamVersion();
        if (streamVersion == null) {
            findings.add(new Finding(
                    snapshot.streamId().toString(),
                    snapshot.version(),
                    what + " belongs to a stream without a head row"));
        } else if (snapshot.version() > streamVersion) {
            findings.add(new Finding(
                    snapshot.streamId().toString(),
                    snapshot.version(),
                    what + " is ahead of the stream, which is at version " + streamVersion));
        }
        if (!StateHash.matches(snapshot.state(), snapshot.stateHash())) {
            findings.add(new Finding(
                    snapshot.streamId().toString(),
                    snapshot.version(),
                    what
                            + " does not match its state hash: it was altered or is corrupt (the application discards"
                            + " it and replays; 'streamdingo rebuild' removes it)"));
        }
    }

    private static void checkEmptyHead(StreamHead head, Findings findings) {
        boolean eventsExpected = head.currentVersion() > 0
                && (head.truncationAnchor() == null || head.firstVisibleVersion() <= head.currentVersion());
        if (eventsExpected) {
            findings.add(new Finding(
                    head.streamId().toString(),
                    head.currentVersion(),
                    "its head row says the stream is at version " + head.currentVersion()
                            + " but none of its events is stored: they were deleted"));
        }
    }

    private static SQLException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }

    /** One event and its stream's head row, on their way to a worker. */
    private record Item(StoredEvent event, @Nullable StreamHead head) {}

    /** Hands the reader's events to the workers in batches, each stream to the same worker. */
    private static final class Dispatcher implements io.streamdingo.store.jpa.operator.EventScan {
        private final List<Worker> pool;
        private final List<List<Item>> batches = new ArrayList<>();
        private final LongConsumer progress;
        private @Nullable StreamHead lastHead;
        private @Nullable Object lastStream;
        private int target;
        private long events;

        Dispatcher(List<Worker> pool, LongConsumer progress) {
            this.pool = pool;
            this.progress = progress;
            for (int i = 0; i < pool.size(); i++) {
                batches.add(new ArrayList<>(BATCH));
            }
        }

        @Override
        public void event(StoredEvent event, @Nullable StreamHead head) {
            if (event.streamId() != lastStream) {
                lastStream = event.streamId();
                target = Math.floorMod(event.streamId().hashCode(), pool.size());
            }
            lastHead = head;
            List<Item> batch = batches.get(target);
            batch.add(new Item(event, lastHead));
            events++;
            if (batch.size() == BATCH) {
                send(target);
            }
        }

        void flush() {
            for (int i = 0; i < pool.size(); i++) {
                if (!batches.get(i).isEmpty()) {
                    send(i);
                }
            }
        }

        private void send(int worker) {
            List<Item> batch = batches.get(worker);
            try {
                pool.get(worker).queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            }
            progress.accept(batch.size());
            batches.set(worker, new ArrayList<>(BATCH));
        }
    }

    /** A checking thread; on a failure it keeps draining its queue so that the reader never blocks. */
    private static final class Worker implements Runnable {
        final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        final StreamChecker checker;
        final Thread thread;

        Worker(StreamChecker checker) {
            this.checker = checker;
            this.thread = new Thread(this, "streamdingo-verify");
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    List<Item> batch = queue.take();
                    if (batch.isEmpty()) {
                        if (failure.get() == null) {
                            checker.finish();
                        }
                        return;
                    }
                    if (failure.get() != null) {
                        continue;
                    }
                    try {
                        for (Item item : batch) {
                            checker.accept(item.event(), item.head());
                        }
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
