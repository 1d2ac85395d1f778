package io.streamdingo.engine.memory;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.DuplicateEventIdException;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StoreNotOpenException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.WriteGuard;
import io.streamdingo.engine.store.DecodedEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory reference backend (ES-10): for tests and embedded use; nothing survives the JVM.
 *
 * <p>Writers of one stream serialise on that stream's lock; writers of different streams run in
 * parallel. Only the hand-over to the global order is shared: inside a short critical section an append
 * takes its global positions and becomes visible in one step, so positions become visible in ascending
 * order and a tailing reader can never skip one (ES-2). Lock order is always stream, then global.
 */
public final class InMemoryEventStoreBackend implements EventStoreBackend, DecodedEvents {

    /**
     * Decoded events kept for later reads (see {@link DecodedEvents}): enough for the streams an application
     * is working on (~40 MB with 200-byte payloads), bounded so a large store does not double its memory.
     */
    static final int DECODED_EVENTS_KEPT = 100_000;

    private final Map<String, ConcurrentSkipListMap<String, InMemoryStream>> categories = new ConcurrentHashMap<>();
    private final Set<UUID> eventIds = ConcurrentHashMap.newKeySet();
    private final List<java.util.function.Consumer<String>> committedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ReentrantReadWriteLock globalLock = new ReentrantReadWriteLock();
    /** {@code global.get(p - 1)} is the event at position p, or null once truncated. */
    private final ArrayList<@Nullable StoredEvent> global = new ArrayList<>();
    /** The positions of each category's events, ascending, for reads of one category. */
    private final Map<String, List<Long>> categoryPositions = new java.util.HashMap<>();

    private final DecodedEventCache decoded = new DecodedEventCache(DECODED_EVENTS_KEPT);

    private volatile boolean closed;

    @Override
    public AppendResult append(
            StreamId streamId,
            ExpectedVersion expected,
            List<EventToStore> events,
            WriteGuard guard,
            EventChain chain) {
        AppendResult result = appendNow(streamId, expected, events, guard, chain);
        committedListeners.forEach(listener -> listener.accept(streamId.category()));
        return result;
    }

    @Override
    public void onCommitted(java.util.function.Consumer<String> listener) {
        committedListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    private AppendResult appendNow(
            StreamId streamId,
            ExpectedVersion expected,
            List<EventToStore> events,
            WriteGuard guard,
            EventChain chain) {
        requireOpen("append events");
        InMemoryStream stream = streamFor(streamId);
        return underWriteLock(stream, s -> {
            s.checkGuard(guard);
            s.checkExpected(expected);
            reserveIds(streamId, events);
            long firstVersion = s.currentVersion() + 1;
            // Hashing under the stream lock only keeps the global critical section as short as before.
            String[] hashes = new String[events.size()];
            String previous = s.lastHash();
            for (int i = 0; i < hashes.length; i++) {
                previous = hashes[i] = chain.link(previous, streamId, firstVersion + i, events.get(i));
            }
            long lastPosition;
            Lock sequencer = globalLock.writeLock();
            sequencer.lock();
            try {
                for (int i = 0; i < hashes.length; i++) {
                    StoredEvent stored =
                            StoredEvent.of(events.get(i), streamId, firstVersion + i, global.size() + 1L, hashes[i]);
                    global.add(stored);
                    categoryPositions
                            .computeIfAbsent(streamId.category(), c -> new ArrayList<>())
                            .add(stored.globalPosition());
                    s.add(stored);
                }
                lastPosition = global.size();
            } finally {
                sequencer.unlock();
            }
            s.renewAfterWrite(guard);
            return new AppendResult(streamId, firstVersion, s.currentVersion(), lastPosition);
        });
    }

    /** Claims every id of the batch or none; a clash anywhere in the store or the batch fails the append. */
    private void reserveIds(StreamId streamId, List<EventToStore> events) {
        List<UUID> claimed = new ArrayList<>(events.size());
        for (EventToStore event : events) {
            if (!eventIds.add(event.eventId())) {
                claimed.forEach(eventIds::remove);
                throw new DuplicateEventIdException(streamId, event.eventId());
            }
            claimed.add(event.eventId());
        }
    }

    @Override
    public List<StoredEvent> readStream(
            StreamId streamId, long fromVersion, long toVersion, ReadDirection direction, int limit) {
        requireOpen("read a stream");
        InMemoryStream stream = existing(streamId);
        if (stream == null) {
            return List.of();
        }
        return underReadLock(
                stream,
                s -> direction == ReadDirection.FORWARDS
                        ? s.forwards(fromVersion, toVersion, limit)
                        : s.backwards(fromVersion, toVersion, limit));
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        requireOpen("read the global order");
        Lock read = globalLock.readLock();
        read.lock();
        try {
            List<StoredEvent> page = new ArrayList<>(Math.min(limit, 256));
            for (long p = afterPosition + 1; p <= global.size() && page.size() < limit; p++) {
                StoredEvent event = global.get((int) (p - 1));
                if (event != null) {
                    page.add(event);
                }
            }
            return page;
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<StoredEvent> readCategory(String category, long afterPosition, int limit) {
        requireOpen("read a category");
        Lock read = globalLock.readLock();
        read.lock();
        try {
            List<Long> positions = categoryPositions.getOrDefault(category, List.of());
            int from = java.util.Collections.binarySearch(positions, afterPosition + 1);
            List<StoredEvent> page = new ArrayList<>(Math.min(limit, 256));
            for (int i = from < 0 ? -from - 1 : from; i < positions.size() && page.size() < limit; i++) {
                StoredEvent event = global.get((int) (positions.get(i) - 1));
                if (event != null) {
                    page.add(event);
                }
            }
            return page;
        } finally {
            read.unlock();
        }
    }

    @Override
    public long headPosition() {
        requireOpen("read the head position");
        Lock read = globalLock.readLock();
        read.lock();
        try {
            return global.size();
        } finally {
            read.unlock();
        }
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId streamId) {
        requireOpen("read stream information");
        InMemoryStream stream = existing(streamId);
        if (stream == null) {
            return Optional.empty();
        }
        return underReadLock(stream, s -> s.wasWritten() ? Optional.of(s.info()) : Optional.empty());
    }

    @Override
    public Optional<String> truncationAnchor(StreamId streamId) {
        requireOpen("read stream information");
        InMemoryStream stream = existing(streamId);
        if (stream == null) {
            return Optional.empty();
        }
        return underReadLock(stream, InMemoryStream::truncationAnchor);
    }

    @Override
    public List<StreamInfo> listStreams(String category, @Nullable String afterId, int limit) {
        requireOpen("list streams");
        ConcurrentSkipListMap<String, InMemoryStream> streams = categories.get(category);
        if (streams == null) {
            return List.of();
        }
        Map<String, InMemoryStream> candidates = afterId == null ? streams : streams.tailMap(afterId, false);
        List<StreamInfo> page = new ArrayList<>();
        for (InMemoryStream stream : candidates.values()) {
            StreamInfo info = underReadLock(stream, InMemoryStream::info);
            if (!info.isEmpty()) {
                page.add(info);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    @Override
    public long countStreams(String category) {
        requireOpen("count streams");
        ConcurrentSkipListMap<String, InMemoryStream> streams = categories.get(category);
        if (streams == null) {
            return 0;
        }
        return streams.values().stream()
                .filter(stream -> !underReadLock(stream, InMemoryStream::info).isEmpty())
                .count();
    }

    @Override
    public void softDelete(StreamId streamId, ExpectedVersion expected, WriteGuard guard) {
        requireOpen("delete a stream");
        underWriteLock(streamFor(streamId), s -> {
            s.checkGuard(guard);
            s.checkExpected(expected);
            s.hideCurrentEvents();
            return null;
        });
    }

    @Override
    public long truncateBefore(StreamId streamId, long beforeVersion, WriteGuard guard) {
        requireOpen("truncate a stream");
        return underWriteLock(streamFor(streamId), s -> {
            s.checkGuard(guard);
            List<StoredEvent> removed = s.truncateBefore(beforeVersion);
            Lock sequencer = globalLock.writeLock();
            sequencer.lock();
            try {
                for (StoredEvent event : removed) {
                    global.set((int) (event.globalPosition() - 1), null);
                    eventIds.remove(event.eventId());
                    decoded.forget(event.eventId());
                }
            } finally {
                sequencer.unlock();
            }
            return (long) removed.size();
        });
    }

    @Override
    public void acquireLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt) {
        requireOpen("open a session");
        underWriteLock(streamFor(streamId), s -> {
            s.acquire(sessionId, now, expiresAt);
            return null;
        });
    }

    @Override
    public void renewLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt) {
        requireOpen("renew a session");
        underWriteLock(streamFor(streamId), s -> {
            s.renew(sessionId, now, expiresAt);
            return null;
        });
    }

    @Override
    public void releaseLease(StreamId streamId, String sessionId) {
        requireOpen("close a session");
        InMemoryStream stream = existing(streamId);
        if (stream != null) {
            underWriteLock(stream, s -> {
                s.release(sessionId);
                return null;
            });
        }
    }

    @Override
    public @Nullable RecordedEvent recall(StoredEvent stored) {
        return decoded.recall(stored);
    }

    /** Keeps {@code event} only while {@code stored} is one of this store's events. */
    @Override
    public void remember(StoredEvent stored, RecordedEvent event, List<DataKey> keys) {
        if (eventIds.contains(stored.eventId()) && event.eventId().equals(stored.eventId())) {
            decoded.remember(event, keys);
        }
    }

    @Override
    public List<DataKey> keysOf(StoredEvent stored) {
        return decoded.keysOf(stored.eventId());
    }

    @Override
    public void forget(StoredEvent stored) {
        decoded.forget(stored.eventId());
    }

    @Override
    public void close() {
        closed = true;
        decoded.clear();
    }

    private InMemoryStream streamFor(StreamId streamId) {
        return categories
                .computeIfAbsent(streamId.category(), c -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(streamId.id(), id -> new InMemoryStream(streamId));
    }

    private @Nullable InMemoryStream existing(StreamId streamId) {
        ConcurrentSkipListMap<String, InMemoryStream> streams = categories.get(streamId.category());
        return streams == null ? null : streams.get(streamId.id());
    }

    private static <T> T underWriteLock(InMemoryStream stream, Function<InMemoryStream, T> action) {
        return locked(stream.lock.writeLock(), stream, action);
    }

    private static <T> T underReadLock(InMemoryStream stream, Function<InMemoryStream, T> action) {
        return locked(stream.lock.readLock(), stream, action);
    }

    private static <T> T locked(Lock lock, InMemoryStream stream, Function<InMemoryStream, T> action) {
        lock.lock();
        try {
            return action.apply(stream);
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen(String operation) {
        if (closed) {
            throw new StoreNotOpenException(operation);
        }
    }
}
