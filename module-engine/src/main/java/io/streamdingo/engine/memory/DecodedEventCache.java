package io.streamdingo.engine.memory;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.StoredEvent;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The decoded events the in-memory backend keeps beside its stored ones (see
 * {@link io.streamdingo.engine.store.DecodedEvents}), at most {@code capacity} of them: past that, the one
 * kept longest is forgotten first. Bounded so that a large store costs the memory of its bytes plus a fixed
 * amount, not a decoded copy of every event. Thread-safe.
 */
final class DecodedEventCache {

    private final int capacity;
    /** One keeping of an event: compared by identity, so that a place in line belongs to one keeping. */
    private static final class Kept {
        final RecordedEvent event;
        /** The data subjects' keys that decrypted its personal data; empty for most events. */
        final List<DataKey> keys;

        Kept(RecordedEvent event, List<DataKey> keys) {
            this.event = event;
            this.keys = keys;
        }
    }

    private final ConcurrentHashMap<UUID, Kept> events = new ConcurrentHashMap<>();
    private final Queue<Kept> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    DecodedEventCache(int capacity) {
        this.capacity = capacity;
    }

    @Nullable
    RecordedEvent recall(StoredEvent stored) {
        Kept kept = events.get(stored.eventId());
        RecordedEvent known = kept == null ? null : kept.event;
        // the same id at the same place: the same stored event (never one of another store or a message)
        return known != null
                        && known.globalPosition() == stored.globalPosition()
                        && known.streamVersion() == stored.streamVersion()
                        && known.streamId().equals(stored.streamId())
                ? known
                : null;
    }

    /** The keys kept with the event of {@code eventId}; empty if none or not kept. */
    List<DataKey> keysOf(UUID eventId) {
        Kept kept = events.get(eventId);
        return kept == null ? List.of() : kept.keys;
    }

    void remember(RecordedEvent decoded, List<DataKey> keys) {
        Kept kept = new Kept(decoded, keys);
        if (events.putIfAbsent(decoded.eventId(), kept) != null) {
            return;
        }
        oldestFirst.add(kept);
        size.incrementAndGet();
        // forgotten keepings are still in line: pass over them until one that is kept goes
        while (size.get() > capacity) {
            Kept oldest = oldestFirst.poll();
            if (oldest == null) {
                break;
            }
            if (events.remove(oldest.event.eventId(), oldest)) {
                size.decrementAndGet();
            }
        }
    }

    void forget(UUID eventId) {
        if (events.remove(eventId) != null) {
            size.decrementAndGet(); // its keeping stays in line until an eviction passes over it
        }
    }

    void clear() {
        events.clear();
        oldestFirst.clear();
        size.set(0);
    }
}
