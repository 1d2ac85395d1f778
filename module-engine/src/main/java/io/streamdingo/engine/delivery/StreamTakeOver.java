package io.streamdingo.engine.delivery;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.SubscriptionDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each stream in order when a consumer-group member takes it over from another. The broker may hand a
 * member a stream's newer messages before giving back the ones a dead member held; so for each stream that
 * reaches this process with a gap — its first event here is not the stream's first, or it skips versions after
 * the last one received here — the events of the gap above the group's lowest position are read from the
 * store, to be delivered first. What the other member had settled is delivered again: a duplicate under
 * at-least-once, skipped under exactly-once. A message the dead member's client had received but not yet
 * handed to it is in no position row, so the store cannot tell it apart: such a stream is also held for
 * {@link #GRACE} before its newer events are delivered, long enough for the broker to give back what the dead
 * member held (it does so right after releasing the group). Remembers the last version of the
 * {@value #STREAMS_TRACKED} most recent streams; thread-safe.
 */
final class StreamTakeOver {

    static final int STREAMS_TRACKED = 100_000;

    /** How long a stream taken over mid-way waits for the messages its previous holder held. */
    static final java.time.Duration GRACE = java.time.Duration.ofSeconds(5);

    /** Streams taken over mid-way, with the {@link System#nanoTime()} until which they are held. */
    private final Map<StreamId, Long> heldUntil = new java.util.concurrent.ConcurrentHashMap<>();

    private final EventSource source;
    private final OffsetStore offsets;
    private final SubscriptionDefinition definition;
    private final Map<StreamId, Long> lastVersions = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamId, Long> eldest) {
            return size() > STREAMS_TRACKED;
        }
    };

    StreamTakeOver(EventSource source, OffsetStore offsets, SubscriptionDefinition definition) {
        this.source = source;
        this.offsets = offsets;
        this.definition = definition;
    }

    /** The gaps before the events of {@code read}, read from the store (I/O: call it outside the state's lock). */
    List<RecordedEvent> gapsBefore(List<RecordedEvent> read) {
        if (!source.sharedWithStore()) {
            return List.of();
        }
        List<RecordedEvent> gaps = new ArrayList<>();
        long floor = -1;
        for (RecordedEvent event : read) {
            Long last = received(event);
            long after = last == null ? 0 : last;
            if (event.streamVersion() > after + 1) {
                heldUntil.put(event.streamId(), System.nanoTime() + GRACE.toNanos());
                if (floor < 0) {
                    floor = offsets.all(definition.name()).values().stream()
                            .mapToLong(Long::longValue)
                            .min()
                            .orElse(0);
                }
                gaps.addAll(source.takenOver(
                        event.streamId(), after, event.streamVersion(), floor, definition.receiveAs()));
            }
        }
        return gaps;
    }

    /** Whether the newer events of {@code stream} wait, just taken over, for what its previous holder held. */
    boolean held(StreamId stream) {
        Long until = heldUntil.get(stream);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until >= 0) {
            heldUntil.remove(stream);
            return false;
        }
        return true;
    }

    /** Notes that {@code event} reached this process; returns the stream's last version received before it. */
    @Nullable
    Long received(RecordedEvent event) {
        synchronized (lastVersions) {
            Long last = lastVersions.get(event.streamId());
            lastVersions.put(
                    event.streamId(), last == null ? event.streamVersion() : Math.max(last, event.streamVersion()));
            return last;
        }
    }
}
