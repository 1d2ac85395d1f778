package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.EventRows;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.store.ConcurrencyContract;
import io.streamdingo.tck.store.EventStoreFixture;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ES-2 on PostgreSQL, where concurrent transactions really commit out of order and writers do not wait for
 * each other: the contract's tailing reader race (8 writers, one reader) repeated 20 times, and a transaction
 * that takes its id before the writers start and appends only when they are half way; a single miss or
 * duplicate fails either.
 */
class PostgresGlobalOrderRaceTest extends EventStoreFixture implements ConcurrencyContract {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private static final int HELD_WRITERS = 4;
    private static final int HELD_APPENDS_PER_WRITER = 60;

    @Override
    protected EventStoreBackend newBackend() {
        return new JpaEventStoreBackend(SCHEMA.entityManagerFactory());
    }

    @RepeatedTest(20)
    void aTailingReaderNeverMissesALateCommit() throws Exception {
        aTailingReaderEndsWithExactlyTheCommittedEventsInOrder();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aTransactionHeldOpenMidWayHoldsReadersBackUntilItCommitsAndItsTwoAppendsAreReadFirst() throws Exception {
        String category = newCategory();
        long start = store().headPosition();
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger appended = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(HELD_WRITERS + 1);
        try (Connection held = SCHEMA.dataSource().getConnection()) {
            // given a transaction that wrote before the writers started (so its id is older than theirs)
            held.setAutoCommit(false);
            try (Statement statement = held.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            Future<?> reader =
                    threads.submit(() -> ConcurrencyContract.tail(store(), start, category, seen, writing, committed));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < HELD_WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < HELD_APPENDS_PER_WRITER; i++) {
                        NewEvent event = NewEvent.of(new ItemAdded("w" + writer, i));
                        store().append(StreamId.of(category, "w" + writer), ExpectedVersion.any(), List.of(event));
                        committed.add(event.eventId());
                        appended.incrementAndGet();
                    }
                    return null;
                }));
            }
            // when it appends half way through their run and commits only then
            while (appended.get() < HELD_WRITERS * HELD_APPENDS_PER_WRITER / 2) {
                Thread.sleep(5);
            }
            UUID heldFirst = appendOne(held, StreamId.of(category, "held-1"));
            UUID heldSecond = appendOne(held, StreamId.of(category, "held-2"));
            Thread.sleep(200);
            List<RecordedEvent> beforeCommit = List.copyOf(seen);
            held.commit();
            committed.add(heldFirst);
            committed.add(heldSecond);
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(3, TimeUnit.MINUTES);

            // then nothing after it was readable while it was open, and the reader saw every event once, in order
            assertThat(beforeCommit)
                    .as("events read while the older transaction was open")
                    .isEmpty();
            assertThat(seen).extracting(RecordedEvent::eventId).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen.stream().map(RecordedEvent::eventId).toList()))
                    .isEqualTo(committed);
            assertThat(seen).extracting(RecordedEvent::globalPosition).isSorted();
            assertThat(seen.subList(0, 2)).extracting(RecordedEvent::eventId).containsExactly(heldFirst, heldSecond);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Appends one event to a new stream on {@code connection}'s open transaction, as the backend would. */
    private static UUID appendOne(Connection connection, StreamId stream) throws Exception {
        EventRows rows = new EventRows(Dialect.POSTGRESQL);
        UUID id = UUID.randomUUID();
        EventToStore event = new EventToStore(
                id,
                "tck.ItemAdded",
                1,
                Instant.now(),
                EventMetadata.empty(),
                "{\"quantity\":1,\"sku\":\"held\"}".getBytes(StandardCharsets.UTF_8));
        String[] hashes = {EventChain.GENESIS};
        assertThat(rows.createHead(connection, stream, 1, hashes[0])).isTrue();
        rows.insert(connection, stream, 1, rows.takePositions(connection, 1), List.of(event), hashes);
        return id;
    }
}
