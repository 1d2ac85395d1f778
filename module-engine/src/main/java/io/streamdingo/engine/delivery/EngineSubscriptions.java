package io.streamdingo.engine.delivery;

import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.ConsumerPosition;
import io.streamdingo.api.streams.DeadLetter;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.memory.InMemoryOffsetStore;
import io.streamdingo.engine.store.DefaultEventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The engine's delivery (ST-2 to ST-6): the subscription rules applied to events that come either straight
 * from the event store's global order and in-memory queues (the in-memory reference delivery), or through a
 * broker's {@link DeliveryTransport} (JMS-2). Positions are kept in an {@link OffsetStore}.
 *
 * <p>Broadcast subscriptions keep one position per consumer id; exclusive and consumer-group subscriptions
 * one per subscription, shared by their consumers.
 */
public final class EngineSubscriptions implements Subscriptions {

    private final DefaultEventStore store;
    private final Topology topology;
    private final OffsetStore offsets;
    private final Clock clock;
    private final @Nullable DeliveryTransport transport;
    private final String member;
    private final DeadLetterStore deadLetters;
    private final Map<StreamId, Long> ephemeralVersions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, SubscriptionState>> states = new ConcurrentHashMap<>();
    private final Map<String, EphemeralQueue> queues = new ConcurrentHashMap<>();
    /** Ephemeral positions are meaningless after a restart (the queue starts again): never persisted. */
    private final OffsetStore ephemeralOffsets = new InMemoryOffsetStore();

    private final AtomicBoolean open = new AtomicBoolean(true);
    /** Appends in this JVM wake every waiting consumer: one of them may want the new events. */
    private final java.util.function.Consumer<String> wakeAll = category -> wakeAll();

    /**
     * The delivery of {@code topology} over {@code transport}, or straight from the store and in-memory
     * queues when it is {@code null}.
     *
     * @throws IllegalArgumentException if a name of the topology cannot be a broker name
     */
    public EngineSubscriptions(
            DefaultEventStore store,
            Topology topology,
            OffsetStore offsets,
            Clock clock,
            @Nullable DeliveryTransport transport) {
        this(store, topology, offsets, clock, transport, io.streamdingo.engine.EventStores.defaultMember());
    }

    /**
     * The delivery of {@code topology} over {@code transport}, or straight from the store when it is
     * {@code null}, as the consumer-group member {@code member}: over a transport, a consumer group's processes
     * share one queue, and each keeps its position in a row of its own, {@code subscription@member}.
     *
     * @param member this process's stable name among the servers of one application (a server name; by
     *     default the host name)
     * @throws IllegalArgumentException if a name of the topology cannot be a broker name, or the member is blank
     */
    public EngineSubscriptions(
            DefaultEventStore store,
            Topology topology,
            OffsetStore offsets,
            Clock clock,
            @Nullable DeliveryTransport transport,
            String member) {
        this(
                store,
                topology,
                offsets,
                new io.streamdingo.engine.memory.InMemoryDeadLetterStore(),
                clock,
                transport,
                member);
    }

    /**
     * The delivery of {@code topology}, as {@link #EngineSubscriptions(DefaultEventStore, Topology, OffsetStore,
     * Clock, DeliveryTransport, String)}, keeping dead letters in {@code deadLetters}.
     *
     * @throws IllegalArgumentException if a name of the topology cannot be a broker name, or the member is blank
     */
    public EngineSubscriptions(
            DefaultEventStore store,
            Topology topology,
            OffsetStore offsets,
            DeadLetterStore deadLetters,
            Clock clock,
            @Nullable DeliveryTransport transport,
            String member) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        if (member == null || member.isBlank()) {
            throw new IllegalArgumentException(
                    "a member name must not be blank; name the server, for example by its" + " host name");
        }
        this.member = member;
        this.store = Objects.requireNonNull(store, "store");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transport = transport;
        store.onAppend(wakeAll);
        if (transport != null) {
            transport.declare(topology);
            return;
        }
        for (StreamDefinition stream : topology.streams()) {
            if (stream.type() == StreamType.EPHEMERAL) {
                queues.put(stream.category(), new EphemeralQueue(stream, store, clock));
            }
        }
    }

    /** Modes whose queue the processes of one application share, each receiving some streams. */
    private static boolean isShared(SubscriptionDefinition definition) {
        return definition.mode() == SubscriptionMode.CONSUMER_GROUP
                || definition.mode() == SubscriptionMode.READ_RECEIPT;
    }

    /** Persistent streams of this service are in its store; external ones only come through the broker. */
    private static boolean inThisStore(StreamDefinition stream) {
        return stream.type() == StreamType.PERSISTENT && stream.scope() != StreamScope.EXTERNAL;
    }

    @Override
    public io.streamdingo.api.streams.EventConsumer subscribe(String subscription, String consumerId) {
        requireOpen();
        if (consumerId == null || consumerId.isBlank()) {
            throw new IllegalArgumentException("a consumer id must not be blank");
        }
        SubscriptionDefinition definition = definition(subscription);
        String key = definition.mode() == SubscriptionMode.BROADCAST ? consumerId : subscription;
        SubscriptionState state = states.computeIfAbsent(subscription, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> newState(definition, k));
        state.join(consumerId);
        return new InMemoryConsumer(state, consumerId, open::get);
    }

    private SubscriptionState newState(SubscriptionDefinition definition, String key) {
        StreamDefinition stream = topology.stream(definition.stream()).orElseThrow();
        if (transport != null) {
            boolean persistent = stream.type() == StreamType.PERSISTENT;
            boolean shared = isShared(definition);
            io.streamdingo.api.spi.TransportChannel channel = transport.open(definition, key);
            TransportSource source = new TransportSource(
                    channel,
                    stream,
                    store,
                    inThisStore(stream) ? new StoreSource(store, stream.category()) : null,
                    clock,
                    shared);
            SubscriptionState state = new SubscriptionState(
                    definition,
                    stream,
                    key,
                    shared ? key + "@" + member : key,
                    source,
                    persistent ? offsets : ephemeralOffsets,
                    letters(definition, key),
                    clock,
                    store.observer());
            channel.onArrival(state.wakeup()::fire);
            return state;
        }
        EphemeralQueue queue = queues.get(stream.category());
        return queue == null
                ? new SubscriptionState(
                        definition,
                        stream,
                        key,
                        key,
                        new StoreSource(store, stream.category()),
                        offsets,
                        letters(definition, key),
                        clock,
                        store.observer())
                : new SubscriptionState(
                        definition,
                        stream,
                        key,
                        key,
                        queue,
                        ephemeralOffsets,
                        letters(definition, key),
                        clock,
                        store.observer());
    }

    private DeadLetterBox letters(SubscriptionDefinition definition, String key) {
        return new DeadLetterBox(deadLetters, store, definition.name(), key, definition.receiveAs());
    }

    @Override
    public void publish(StreamId streamId, NewEvent event) {
        requireOpen();
        Objects.requireNonNull(streamId, "streamId must not be null");
        StreamDefinition stream = topology.stream(streamId.category())
                .filter(s -> s.type() == StreamType.EPHEMERAL)
                .orElseThrow(() -> new IllegalArgumentException("stream " + streamId.category() + " is "
                        + topology.stream(streamId.category())
                                .map(s -> s.type() + "; append its events to the event store instead")
                                .orElse("not declared; declare it as an EPHEMERAL StreamDefinition")));
        if (transport != null) {
            long version = ephemeralVersions.merge(streamId, 1L, Long::sum);
            transport.send(stream, store.ephemeral(streamId, event, version, 0));
            return;
        }
        EphemeralQueue queue = queues.get(stream.category());
        queue.publish(streamId, event);
        queue.consumedUpTo(slowestPosition(streamId.category(), queue.head() - 1));
        wakeAll();
    }

    private void wakeAll() {
        for (Map<String, SubscriptionState> byKey : states.values()) {
            for (SubscriptionState state : byKey.values()) {
                state.wakeup().fire();
            }
        }
    }

    /** The lowest position any subscription of {@code category} has settled up to; {@code ifNone} without any. */
    private long slowestPosition(String category, long ifNone) {
        long slowest = Long.MAX_VALUE;
        for (SubscriptionDefinition definition : topology.subscriptions()) {
            if (definition.stream().equals(category)) {
                for (SubscriptionState state :
                        states.getOrDefault(definition.name(), Map.of()).values()) {
                    slowest = Math.min(slowest, state.position());
                }
            }
        }
        return slowest == Long.MAX_VALUE ? ifNone : slowest;
    }

    @Override
    public List<ConsumerPosition> positions(String subscription) {
        SubscriptionDefinition definition = definition(subscription);
        StreamDefinition stream = topology.stream(definition.stream()).orElseThrow();
        boolean persistent = stream.type() == StreamType.PERSISTENT;
        Map<String, SubscriptionState> connected = new java.util.HashMap<>();
        states.getOrDefault(subscription, Map.of())
                .values()
                .forEach(state -> connected.put(state.positionKey(), state));
        Map<String, Long> positions = new java.util.TreeMap<>(persistent ? offsets.all(subscription) : Map.of());
        connected.forEach((key, state) -> positions.put(key, state.position()));
        List<ConsumerPosition> out = new ArrayList<>();
        positions.forEach((key, position) -> {
            SubscriptionState state = connected.get(key);
            // ephemeral positions count the messages of this process's queue, external ones follow the other
            // service's order; the others this store's
            long lag = inThisStore(stream)
                    ? store.countCategory(stream.category(), position, store.headPosition())
                    : Math.max(0, (state == null ? position : state.head()) - position);
            out.add(new ConsumerPosition(subscription, key, position, lag));
        });
        return out;
    }

    /**
     * The state in this process that keeps {@code key}'s position: {@code key} is a consumer key, or the key a
     * position is listed under ({@link #positions}), which for a queue that processes share is this process's
     * own row; null if no consumer of it is connected here.
     */
    private @Nullable SubscriptionState stateOf(String subscription, String key) {
        Map<String, SubscriptionState> byKey = states.getOrDefault(subscription, Map.of());
        SubscriptionState state = byKey.get(key);
        if (state != null) {
            return state;
        }
        return byKey.values().stream()
                .filter(candidate -> candidate.positionKey().equals(key))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void resetPosition(String subscription, String consumerKey, long position) {
        definition(subscription);
        if (position < 0) {
            throw new IllegalArgumentException("a position is 0 or more; got " + position);
        }
        SubscriptionState state = stateOf(subscription, consumerKey);
        if (state != null) {
            state.resetTo(position);
        } else {
            offsets.save(subscription, consumerKey, position);
        }
    }

    @Override
    public void resetPosition(String subscription, String consumerKey, Instant time) {
        SubscriptionDefinition definition = definition(subscription);
        Objects.requireNonNull(time, "time must not be null");
        SubscriptionState state = stateOf(subscription, consumerKey);
        long position = state != null
                ? state.positionBefore(time)
                : StoreSource.positionBefore(store, definition.stream(), time);
        resetPosition(subscription, consumerKey, position);
    }

    @Override
    public boolean removeConsumer(String subscription, String consumerKey) {
        SubscriptionDefinition definition = definition(subscription);
        Objects.requireNonNull(consumerKey, "consumerKey must not be null");
        Map<String, SubscriptionState> byKey = states.getOrDefault(subscription, Map.of());
        for (SubscriptionState state : byKey.values()) {
            if (state.positionKey().equals(consumerKey)) {
                if (state.hasMembers()) {
                    throw new IllegalStateException("consumer " + consumerKey + " of subscription " + subscription
                            + " is connected in this process; close it (or stop its application) before removing"
                            + " it");
                }
                byKey.values().remove(state); // a consumer of that key that comes back starts afresh
            }
        }
        StreamDefinition stream = topology.stream(definition.stream()).orElseThrow();
        return stream.type() == StreamType.PERSISTENT && offsets.remove(subscription, consumerKey);
    }

    @Override
    public long unreadCount(String subscription) {
        return statesOf(subscription).stream()
                .mapToLong(SubscriptionState::unreadCount)
                .sum();
    }

    @Override
    public List<DeadLetter> deadLetters(String subscription) {
        SubscriptionDefinition definition = definition(subscription);
        return DeadLetterBox.all(deadLetters, store, subscription, definition.receiveAs());
    }

    @Override
    public int replayDeadLetters(String subscription) {
        return statesOf(subscription).stream()
                .mapToInt(state -> state.replayDeadLetters(null))
                .sum();
    }

    @Override
    public boolean replayDeadLetter(String subscription, java.util.UUID id) {
        Objects.requireNonNull(id, "id must not be null");
        return statesOf(subscription).stream()
                        .mapToInt(state -> state.replayDeadLetters(id))
                        .sum()
                > 0;
    }

    @Override
    public boolean deleteDeadLetter(String subscription, java.util.UUID id) {
        definition(subscription);
        Objects.requireNonNull(id, "id must not be null");
        return deadLetters.delete(subscription, id);
    }

    @Override
    public void close() {
        if (open.getAndSet(false)) {
            store.removeAppendListener(wakeAll);
            wakeAll(); // waiting consumers see the close at once
            for (Map<String, SubscriptionState> byKey : states.values()) {
                for (SubscriptionState state : byKey.values()) {
                    if (state.source() instanceof TransportSource source) {
                        source.close();
                    }
                }
            }
        }
    }

    /** The positions kept for a declared subscription: one, or one per broadcast consumer. */
    private java.util.Collection<SubscriptionState> statesOf(String subscription) {
        definition(subscription);
        return List.copyOf(states.getOrDefault(subscription, Map.of()).values());
    }

    private SubscriptionDefinition definition(String subscription) {
        return topology.subscription(subscription)
                .orElseThrow(() -> new IllegalArgumentException(
                        "subscription " + subscription + " is not declared; declare it in the topology"));
    }

    private void requireOpen() {
        if (!open.get()) {
            throw new IllegalStateException("the subscriptions are closed");
        }
    }
}
