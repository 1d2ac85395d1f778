package io.streamdingo.tck.store;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.WriteGuard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A backend whose stored events can be changed behind the engine's back: once a stream is tampered with,
 * reads of it are served from an altered copy of its events. Used for backends without storage of their
 * own to reach (in memory); a tampered stream must not be appended to again.
 */
public final class TamperingBackend extends ForwardingBackend implements StoreTampering {

    private final Map<StreamId, List<StoredEvent>> tampered = new ConcurrentHashMap<>();

    public TamperingBackend(EventStoreBackend delegate) {
        super(delegate);
    }

    @Override
    public void replacePayload(StreamId streamId, long version, String json) {
        List<StoredEvent> events = copyOf(streamId);
        int i = indexOf(events, version);
        events.set(i, withPayload(events.get(i), json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void deleteEvent(StreamId streamId, long version) {
        List<StoredEvent> events = copyOf(streamId);
        events.remove(indexOf(events, version));
    }

    @Override
    public void swapPayloads(StreamId streamId, long first, long second) {
        List<StoredEvent> events = copyOf(streamId);
        int a = indexOf(events, first);
        int b = indexOf(events, second);
        StoredEvent eventA = events.get(a);
        StoredEvent eventB = events.get(b);
        events.set(a, withPayload(eventA, eventB.payload()));
        events.set(b, withPayload(eventB, eventA.payload()));
    }

    @Override
    public void insertCopy(StreamId streamId, long ofVersion, long atVersion) {
        List<StoredEvent> events = copyOf(streamId);
        StoredEvent copied = events.get(indexOf(events, ofVersion));
        List<StoredEvent> moved = new ArrayList<>();
        for (StoredEvent event : events) {
            moved.add(
                    event.streamVersion() >= atVersion ? at(event, event.streamVersion() + 1, event.eventId()) : event);
        }
        moved.add(at(copied, atVersion, UUID.randomUUID()));
        moved.sort(Comparator.comparingLong(StoredEvent::streamVersion));
        tampered.put(streamId, moved);
    }

    private List<StoredEvent> copyOf(StreamId streamId) {
        return tampered.computeIfAbsent(
                streamId,
                id -> new ArrayList<>(
                        delegate().readStream(id, 1, Long.MAX_VALUE, ReadDirection.FORWARDS, Integer.MAX_VALUE)));
    }

    private static int indexOf(List<StoredEvent> events, long version) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).streamVersion() == version) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stored event at version " + version);
    }

    private static StoredEvent withPayload(StoredEvent event, byte[] payload) {
        return new StoredEvent(
                event.eventId(),
                event.streamId(),
                event.streamVersion(),
                event.globalPosition(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                payload,
                event.hash());
    }

    private static StoredEvent at(StoredEvent event, long version, UUID eventId) {
        return new StoredEvent(
                eventId,
                event.streamId(),
                version,
                event.globalPosition(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                event.payload(),
                event.hash());
    }

    @Override
    public AppendResult append(
            StreamId streamId,
            ExpectedVersion expected,
            List<EventToStore> events,
            WriteGuard guard,
            EventChain chain) {
        if (tampered.containsKey(streamId)) {
            throw new IllegalStateException("stream " + streamId + " was tampered with; the kit does not append to it");
        }
        return super.append(streamId, expected, events, guard, chain);
    }

    @Override
    public List<StoredEvent> readStream(
            StreamId streamId, long fromVersion, long toVersion, ReadDirection direction, int limit) {
        List<StoredEvent> events = tampered.get(streamId);
        if (events == null) {
            return super.readStream(streamId, fromVersion, toVersion, direction, limit);
        }
        List<StoredEvent> page = new ArrayList<>();
        List<StoredEvent> ordered = new ArrayList<>(events);
        if (direction == ReadDirection.BACKWARDS) {
            ordered.sort(Comparator.comparingLong(StoredEvent::streamVersion).reversed());
        }
        for (StoredEvent event : ordered) {
            if (event.streamVersion() >= fromVersion && event.streamVersion() <= toVersion && page.size() < limit) {
                page.add(event);
            }
        }
        return page;
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId streamId) {
        Optional<StreamInfo> info = super.streamInfo(streamId);
        List<StoredEvent> events = tampered.get(streamId);
        if (events == null || info.isEmpty() || events.isEmpty()) {
            return info;
        }
        long last = Math.max(
                info.get().currentVersion(), events.get(events.size() - 1).streamVersion());
        return Optional.of(new StreamInfo(streamId, last, info.get().firstVisibleVersion()));
    }
}
