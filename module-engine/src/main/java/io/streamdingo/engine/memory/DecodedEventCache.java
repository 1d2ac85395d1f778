package io.streamdingo.engine.memory;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.StoredEvent;
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
    private final ConcurrentHashMap<UUID, RecordedEvent> events = new ConcurrentHashMap<>();
    private final Queue<UUID> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    DecodedEventCache(int capacity) {
        this.capacity = capacity;
    }

    @Nullable
    RecordedEvent recall(StoredEvent stored) {
        RecordedEvent known = events.get(stored.eventId());
        // the same id at the same place: the same stored event (never one of another store or a message)
        return known != null
                        && known.globalPosition() == stored.globalPosition()
                        && known.streamVersion() == stored.streamVersion()
                        && known.streamId().equals(stored.streamId())
                ? known
                : null;
    }

    void remember(RecordedEvent decoded) {
        if (events.putIfAbsent(decoded.eventId(), decoded) != null) {
            return;
        }
        oldestFirst.add(decoded.eventId());
        if (size.incrementAndGet() > capacity) {
            UUID oldest = oldestFirst.poll();
            if (oldest != null && events.remove(oldest) != null) {
                size.decrementAndGet();
            }
        }
    }

    void forget(UUID eventId) {
        if (events.remove(eventId) != null) {
            size.decrementAndGet(); // its id stays queued until it comes round; removing it finds nothing
        }
    }

    void clear() {
        events.clear();
        oldestFirst.clear();
        size.set(0);
    }
}
