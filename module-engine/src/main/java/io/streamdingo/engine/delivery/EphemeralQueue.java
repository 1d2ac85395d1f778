package io.streamdingo.engine.delivery;

import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.engine.store.DefaultEventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The messages of one ephemeral stream category (ST-1, ST-7): in memory only, numbered in publication
 * order, dropped once every subscription has settled them, and expired after the stream's retention age
 * when nobody has read them by then.
 */
final class EphemeralQueue implements EventSource {

    private final StreamDefinition stream;
    private final DefaultEventStore codec;
    private final Clock clock;
    private final NavigableMap<Long, StoredEvent> messages = new TreeMap<>();
    private final Map<StreamId, Long> versions = new HashMap<>();
    private long lastPosition;

    EphemeralQueue(StreamDefinition stream, DefaultEventStore codec, Clock clock) {
        this.stream = stream;
        this.codec = codec;
        this.clock = clock;
    }

    synchronized void publish(StreamId streamId, NewEvent event) {
        long version = versions.getOrDefault(streamId, 0L) + 1;
        StoredEvent message = codec.ephemeral(streamId, event, version, lastPosition + 1);
        versions.put(streamId, version);
        lastPosition++;
        messages.put(lastPosition, message);
        expire();
    }

    @Override
    public synchronized long head() {
        return lastPosition;
    }

    @Override
    public synchronized Stream<RecordedEvent> after(long position, Map<String, Integer> receiveAs) {
        expire();
        List<RecordedEvent> out = new ArrayList<>();
        for (StoredEvent message : messages.tailMap(position, false).values()) {
            out.addAll(Undecodable.decode(codec, message, receiveAs));
        }
        return out.stream();
    }

    @Override
    public synchronized long positionBefore(Instant time) {
        for (Map.Entry<Long, StoredEvent> message : messages.entrySet()) {
            if (!message.getValue().recordedAt().isBefore(time)) {
                return message.getKey() - 1;
            }
        }
        return lastPosition;
    }

    /** Drops the messages every subscription has settled: ephemeral means gone once consumed. */
    synchronized void consumedUpTo(long position) {
        messages.headMap(position, true).clear();
    }

    private void expire() {
        Duration maxAge = stream.retention().maxAge();
        if (maxAge == null) {
            return;
        }
        Instant oldest = clock.instant().minus(maxAge);
        messages.values().removeIf(message -> message.recordedAt().isBefore(oldest));
    }
}
