package io.streamdingo.engine.delivery;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.engine.store.DefaultEventStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's events as a broker's queue brings them (JMS-2): the live part of a persistent stream, or
 * an ephemeral stream's messages. A message is acknowledged to the broker once the subscription's saved
 * position has passed it, so a crash before that gets it delivered again.
 *
 * <p>The broker only holds what was published while the queue existed and not yet acknowledged. For a
 * persistent stream of this service the event store is the outbox, so the range the broker may no longer
 * hold (what was committed before the channel opened, what was acknowledged before a reset to an earlier
 * position) is read from the store: {@code history}, up to {@code historyUpTo}; the broker's messages in that
 * range are duplicates. A source never claims a head beyond what it can hand out, so nothing still on its
 * way from the broker is skipped. Ephemeral messages are numbered in arrival order (their positions
 * mean nothing across processes and are never saved) and expire after the stream's retention age.
 *
 * <p>A queue shared by the processes of a consumer group ({@code shared}) is different: each process receives
 * only its own streams' messages, so its position passes messages that another member still holds. When that
 * member dies, the broker hands them to a survivor at positions it has already read past; they are
 * {@linkplain #late late}, not duplicates, and are delivered again (under exactly-once the processed-events
 * record recognises what the dead member had committed). Each is acknowledged on its own when settled; only a
 * message this process settled itself (a redelivery after a lost acknowledgement) is dropped as a duplicate.
 */
final class TransportSource implements EventSource {

    private static final System.Logger LOG = System.getLogger(TransportSource.class.getName());

    private final TransportChannel channel;
    private final StreamDefinition stream;
    private final DefaultEventStore codec;
    private final @Nullable StoreSource history;
    private final Clock clock;
    private final boolean shared;
    /** Shared queues: positions of the buffer handed out by {@link #after}, the rest are new or late. */
    private final java.util.Set<Long> handedOut = new java.util.HashSet<>();
    /** Shared queues: late messages handed out and not settled, by event id. */
    private final Map<java.util.UUID, StoredEvent> lateHeld = new java.util.HashMap<>();
    /** Shared queues: the event ids this process settled last, to recognise redeliveries of its own. */
    private final Map<java.util.UUID, Boolean> recentlySettled = new java.util.LinkedHashMap<>(1_024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<java.util.UUID, Boolean> eldest) {
            return size() > RECENTLY_SETTLED;
        }
    };

    private static final int RECENTLY_SETTLED = 50_000;
    /** Shared queues: the store's history was read for (coveredFrom, coveredUpTo]. */
    private long coveredFrom = Long.MAX_VALUE;

    private long coveredUpTo;
    /** Messages received and not acknowledged, by position. */
    private final NavigableMap<Long, StoredEvent> buffer = new TreeMap<>();

    private long received;
    /** Positions up to here may be missing from the broker's queue: read them from the store. */
    private long historyUpTo;

    private long settled = -1;
    private long connections;
    private long storeHead;

    TransportSource(
            TransportChannel channel,
            StreamDefinition stream,
            DefaultEventStore codec,
            @Nullable StoreSource history,
            Clock clock,
            boolean shared) {
        this.channel = channel;
        this.shared = shared;
        this.stream = stream;
        this.codec = codec;
        this.history = history;
        this.clock = clock;
        this.historyUpTo = history == null ? 0 : history.head();
    }

    @Override
    public synchronized long head() {
        receive();
        return Math.max(received, historyUpTo);
    }

    @Override
    public synchronized Stream<RecordedEvent> after(long position, Map<String, Integer> receiveAs) {
        receive();
        expire();
        List<RecordedEvent> live = new ArrayList<>();
        long storeUpTo = historyUpTo;
        boolean fromStore = history != null && position < storeUpTo;
        // the store answers for the whole range up to historyUpTo, whatever of it the broker still delivers
        // (those arrivals are duplicates, settled with the rest)
        if (shared && fromStore) {
            coveredFrom = Math.min(coveredFrom, position);
            coveredUpTo = Math.max(coveredUpTo, storeUpTo);
            // the store read covers (position, storeUpTo]: what the broker brings of it is a duplicate
            handedOut.addAll(buffer.subMap(position, false, Math.max(position, storeUpTo), true)
                    .keySet());
        }
        for (Map.Entry<Long, StoredEvent> message :
                buffer.tailMap(fromStore ? storeUpTo : position, false).entrySet()) {
            live.addAll(Undecodable.decode(codec, message.getValue(), receiveAs));
            if (shared) {
                handedOut.add(message.getKey());
            }
        }
        if (!fromStore) {
            return live.stream();
        }
        Stream<RecordedEvent> stored =
                history.after(position, receiveAs).takeWhile(e -> e.globalPosition() <= storeUpTo);
        return Stream.concat(stored, live.stream()); // lazy: a long history is read a window at a time
    }

    @Override
    public synchronized long positionBefore(Instant time) {
        if (history != null) {
            return history.positionBefore(time);
        }
        receive();
        for (Map.Entry<Long, StoredEvent> message : buffer.entrySet()) {
            if (!message.getValue().recordedAt().isBefore(time)) {
                return message.getKey() - 1;
            }
        }
        return received;
    }

    @Override
    public synchronized void settledUpTo(long position) {
        settled = position;
        NavigableMap<Long, StoredEvent> done = buffer.headMap(position, true);
        if (shared) {
            // a message at or below the position that was never handed out is late: it stays for late()
            done = new TreeMap<>(done);
            done.keySet().retainAll(handedOut);
        }
        for (StoredEvent message : done.values()) {
            channel.acknowledge(message);
            if (shared) {
                recentlySettled.put(message.eventId(), Boolean.TRUE);
                handedOut.remove(message.globalPosition());
                buffer.remove(message.globalPosition());
            }
        }
        if (!done.isEmpty()) {
            historyUpTo = Math.max(historyUpTo, done.lastKey());
            done.clear();
        }
    }

    /**
     * Shared queues: the messages that arrived at or below {@code readUpTo}, where the subscription has read
     * past already, and were not handed out before — another member's, given to this process after it died.
     * Each is this process's until {@link #settledLate}.
     */
    @Override
    public synchronized List<RecordedEvent> late(long readUpTo, Map<String, Integer> receiveAs) {
        if (!shared) {
            return List.of();
        }
        receive();
        List<RecordedEvent> late = new ArrayList<>();
        for (java.util.Iterator<Map.Entry<Long, StoredEvent>> it =
                        buffer.headMap(readUpTo, true).entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<Long, StoredEvent> entry = it.next();
            if (!handedOut.contains(entry.getKey())) {
                // read before removing: a removed TreeMap entry may take on its successor's contents
                StoredEvent message = entry.getValue();
                it.remove();
                lateHeld.put(message.eventId(), message);
                late.addAll(Undecodable.decode(codec, message, receiveAs));
            }
        }
        return late;
    }

    @Override
    public synchronized void settledLate(RecordedEvent event) {
        StoredEvent message = lateHeld.remove(event.eventId());
        if (message != null) {
            channel.acknowledge(message);
        }
        // settled here: a copy the broker brings later is a duplicate (a taken-over event read from the store)
        recentlySettled.put(event.eventId(), Boolean.TRUE);
    }

    @Override
    public boolean sharedWithStore() {
        return shared && history != null;
    }

    @Override
    public List<RecordedEvent> takenOver(
            io.streamdingo.api.StreamId stream,
            long afterVersion,
            long version,
            long afterPosition,
            Map<String, Integer> receiveAs) {
        if (!sharedWithStore()) {
            return List.of();
        }
        List<RecordedEvent> events = new ArrayList<>();
        for (StoredEvent stored :
                codec.storedBetween(stream, afterVersion, version, afterPosition, SubscriptionState.WINDOW)) {
            events.addAll(Undecodable.decode(codec, stored, receiveAs));
        }
        return events;
    }

    void close() {
        channel.close();
    }

    private void receive() {
        long connected = channel.connections();
        if (connected != connections && history != null) {
            // the queue may have been created by this connection: what was committed before is the store's
            connections = connected;
            historyUpTo = Math.max(historyUpTo, history.head());
        }
        List<StoredEvent> arrived = channel.arrived();
        if (history != null && stream.type() == StreamType.PERSISTENT) {
            // one look at the store's head per batch of arrivals, and only when one passes the last head seen
            long highest = arrived.stream()
                    .mapToLong(StoredEvent::globalPosition)
                    .max()
                    .orElse(0);
            if (highest > storeHead) {
                storeHead = history.head();
            }
        }
        for (StoredEvent message : arrived) {
            long position;
            StoredEvent kept = message;
            if (stream.type() == StreamType.EPHEMERAL) {
                position = received + 1;
                kept = numbered(message, position);
            } else {
                position = message.globalPosition();
                // the relay publishes committed events only: beyond the head, it is not this store's
                if (history != null && position > storeHead) {
                    LOG.log(
                            Level.WARNING,
                            "dropped message of event {0}: it claims position {1} of {2}, beyond this event store''s"
                                    + " head {3}, so it was not published from this store (a broker kept across a"
                                    + " database reset or restore, or a stream declared INTERNAL that another service"
                                    + " publishes: declare it EXTERNAL)",
                            message.eventId(),
                            position,
                            message.streamId(),
                            storeHead);
                    channel.acknowledge(message);
                    continue;
                }
            }
            if (shared ? recentlySettled.containsKey(message.eventId()) : position <= settled) {
                channel.acknowledge(message); // delivered again after a reconnect or a crash: already settled
                continue;
            }
            if (shared && lateHeld.containsKey(message.eventId())) {
                lateHeld.put(message.eventId(), kept); // redelivered after a reconnect: settle the new copy
                continue;
            }
            buffer.put(position, kept);
            received = Math.max(received, position);
            if (shared && position > coveredFrom && position <= coveredUpTo) {
                handedOut.add(position); // this process read it from the store: settled with the position
            }
        }
    }

    private static StoredEvent numbered(StoredEvent message, long position) {
        return new StoredEvent(
                message.eventId(),
                message.streamId(),
                message.streamVersion(),
                position,
                message.eventType(),
                message.schemaVersion(),
                message.recordedAt(),
                message.metadata(),
                message.payload(),
                message.hash());
    }

    /** Ephemeral messages nobody settled within the stream's retention age are dropped. */
    private void expire() {
        Duration maxAge =
                stream.type() == StreamType.EPHEMERAL ? stream.retention().maxAge() : null;
        if (maxAge == null) {
            return;
        }
        Instant oldest = clock.instant().minus(maxAge);
        buffer.values().removeIf(message -> {
            boolean expired = message.recordedAt().isBefore(oldest);
            if (expired) {
                channel.acknowledge(message);
            }
            return expired;
        });
    }
}
