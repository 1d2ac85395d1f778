package io.streamdingo.engine.memory;

import io.streamdingo.api.spi.ProcessedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference {@link ProcessedEvents}: records in memory, one lock per consumer and event so concurrent
 * duplicates wait for each other. It has no transactional resources: work must keep its own effects
 * consistent, and nothing survives the JVM.
 */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private record Key(String consumer, UUID eventId) {}

    private final Clock clock;
    private final Map<Key, Instant> processed = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();

    public InMemoryProcessedEvents(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean processOnce(String consumer, UUID eventId, Work work) {
        Key key = new Key(Objects.requireNonNull(consumer, "consumer"), Objects.requireNonNull(eventId, "eventId"));
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        synchronized (lock) {
            if (processed.containsKey(key)) {
                return false;
            }
            try {
                work.run(InMemoryProcessedEvents::noResources);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(
                        "exactly-once work of " + consumer + " on event " + eventId + " failed", e);
            }
            processed.put(key, clock.instant());
            return true;
        }
    }

    @Override
    public List<UUID> processAll(String consumer, List<UUID> eventIds, EachWork work) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(work, "work");
        List<Key> keys = eventIds.stream().map(id -> new Key(consumer, id)).toList();
        // every key's lock, taken in one order whatever the batch's, so that two batches never wait for each other
        List<Object> ordered = keys.stream()
                .sorted(java.util.Comparator.comparing(k -> k.eventId().toString()))
                .map(k -> locks.computeIfAbsent(k, any -> new Object()))
                .toList();
        return underLocks(ordered, 0, () -> {
            List<UUID> ran = new ArrayList<>();
            for (Key key : keys) {
                if (!processed.containsKey(key)) {
                    try {
                        work.run(InMemoryProcessedEvents::noResources, key.eventId());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                "exactly-once work of " + consumer + " on event " + key.eventId() + " failed", e);
                    }
                    ran.add(key.eventId());
                }
            }
            Instant now = clock.instant();
            ran.forEach(id -> processed.put(new Key(consumer, id), now)); // only once every event's work succeeded
            return ran;
        });
    }

    private static <T> T underLocks(List<Object> locks, int from, java.util.function.Supplier<T> body) {
        if (from == locks.size()) {
            return body.get();
        }
        synchronized (locks.get(from)) {
            return underLocks(locks, from + 1, body);
        }
    }

    private static <T> T noResources(Class<T> type) {
        throw new IllegalArgumentException("the in-memory processed-events table has no transactional resources"
                + " (asked for " + type.getName() + "); use the Jakarta Persistence store for transactional work");
    }

    @Override
    public boolean isProcessed(String consumer, UUID eventId) {
        return processed.containsKey(new Key(consumer, eventId));
    }

    @Override
    public int deleteProcessedBefore(Instant cutoff) {
        int[] deleted = {0};
        processed.entrySet().removeIf(entry -> {
            boolean old = entry.getValue().isBefore(cutoff);
            if (old) {
                deleted[0]++;
                locks.remove(entry.getKey());
            }
            return old;
        });
        return deleted[0];
    }
}
