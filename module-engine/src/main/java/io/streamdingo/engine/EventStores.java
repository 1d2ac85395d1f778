package io.streamdingo.engine;

import io.streamdingo.api.EventAppender;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.replay.AggregateRepository;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.EventReplay;
import io.streamdingo.api.streams.RetentionTask;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.delivery.ConfiguredTopology;
import io.streamdingo.engine.delivery.EngineSubscriptions;
import io.streamdingo.engine.delivery.StoreReplay;
import io.streamdingo.engine.memory.InMemoryEventStoreBackend;
import io.streamdingo.engine.memory.InMemoryOffsetStore;
import io.streamdingo.engine.memory.InMemoryProcessedEvents;
import io.streamdingo.engine.memory.InMemorySnapshotStore;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.engine.replay.DefaultAggregateRepository;
import io.streamdingo.engine.replay.DefaultReplayEngine;
import io.streamdingo.engine.retention.StoreRetention;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds {@link EventStore}s in plain Java; in a Jakarta EE application the CDI producers do this for you.
 *
 * <pre>{@code
 * EventStore store = EventStores.builder()
 *         .register(AccountOpened.class, MoneyDeposited.class)
 *         .build();                                  // in memory unless a backend is given
 * }</pre>
 */
public final class EventStores {

    private EventStores() {}

    /** A builder with the defaults described on {@link EventStoreBuilder}. */
    public static EventStoreBuilder builder() {
        return new EventStoreBuilder();
    }

    /** An in-memory store that knows {@code eventTypes}, with every other setting at its default. */
    public static EventStore inMemory(Class<?>... eventTypes) {
        return builder().register(eventTypes).build();
    }

    /**
     * A new, empty in-memory backend (ES-10): the reference implementation of the backend SPI, for tests and
     * embedded use. Nothing survives the JVM.
     */
    public static EventStoreBackend inMemoryBackend() {
        return new InMemoryEventStoreBackend();
    }

    /** A new, empty in-memory snapshot store: the reference implementation of the snapshot SPI. */
    public static SnapshotStore inMemorySnapshotStore() {
        return new InMemorySnapshotStore();
    }

    /**
     * A replay engine over {@code engine}'s store whose snapshots are kept beside its backend when the store
     * module offers that ({@link io.streamdingo.api.spi.SnapshotStoreProvider}, found through
     * {@code ServiceLoader}: the JPA store keeps them in the events' database), else in memory.
     */
    public static ReplayEngine replayEngine(StoreEngine engine) {
        return replayEngine(
                engine, StoreModules.snapshotStoreBeside(engine.internals().backend()));
    }

    /**
     * The transport of the delivery module that {@code settings} configure
     * ({@link io.streamdingo.api.spi.DeliveryTransportProvider}, found through {@code ServiceLoader}; for the
     * Jakarta Messaging delivery {@code streamdingo.jms.url}), for
     * {@link #subscriptions(StoreEngine, Topology, OffsetStore, DeadLetterStore, Clock, DeliveryTransport, String)};
     * empty when no delivery module is configured.
     *
     * @throws IllegalStateException if two delivery modules are configured
     */
    public static Optional<DeliveryTransport> configuredTransport(Function<String, Optional<String>> settings) {
        return StoreModules.transport(settings);
    }

    /**
     * The publisher of the delivery module that {@code settings} configure, for the outbox relay
     * ({@link #outboxRelay(StoreEngine, Topology, EventPublisher, OffsetStore)}); empty when none is.
     *
     * @throws IllegalStateException if two delivery modules are configured
     */
    public static Optional<EventPublisher> configuredPublisher(Function<String, Optional<String>> settings) {
        return StoreModules.publisher(settings);
    }

    /** The replay engine over {@code engine}'s store, keeping snapshots in {@code snapshots} (SN-1, SN-2). */
    public static ReplayEngine replayEngine(StoreEngine engine, SnapshotStore snapshots) {
        Objects.requireNonNull(snapshots, "snapshots must not be null");
        return new DefaultReplayEngine(engine.internals(), snapshots);
    }

    /**
     * A new in-memory broker: the reference {@link DeliveryTransport}, and the {@link EventPublisher} an outbox
     * relay publishes to it with. It behaves like the Artemis set-up of the Jakarta Messaging delivery within
     * one JVM (tests, the transport contract); nothing of it survives the object.
     */
    public static InMemoryBroker inMemoryBroker() {
        return new InMemoryBroker();
    }

    /**
     * A new, empty in-memory key store for data subjects' keys: the reference implementation of the
     * crypto-shredding key SPI. Keys live as long as the object.
     */
    public static io.streamdingo.api.spi.SubjectKeyStore inMemorySubjectKeyStore() {
        return new io.streamdingo.engine.memory.InMemorySubjectKeyStore();
    }

    /** A new, empty in-memory schema store: the reference implementation of the schema-registry SPI (SE-3). */
    public static SchemaStore inMemorySchemaStore() {
        return new io.streamdingo.engine.memory.InMemorySchemaStore();
    }

    /** A new, empty in-memory dead-letter store: the reference implementation of the dead-letter SPI (ST-4). */
    public static DeadLetterStore inMemoryDeadLetterStore() {
        return new io.streamdingo.engine.memory.InMemoryDeadLetterStore();
    }

    /**
     * The default name of this server among the servers of one application: the host name (see
     * {@link #subscriptions(StoreEngine, Topology, OffsetStore, DeadLetterStore, Clock, DeliveryTransport, String)}).
     */
    public static String defaultMember() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** A new, empty in-memory offset store: the reference implementation of the offset SPI (ST-5). */
    public static OffsetStore inMemoryOffsetStore() {
        return new InMemoryOffsetStore();
    }

    /**
     * The in-memory reference delivery of {@code topology}'s subscriptions over {@code store}, keeping
     * positions in {@code offsets} and timing visibility, retries and liveness with {@code clock}.
     *
     * @throws IllegalArgumentException if the topology declares what it does not deliver yet (named)
     */
    public static Subscriptions inMemorySubscriptions(
            StoreEngine engine, Topology topology, OffsetStore offsets, Clock clock) {
        return new EngineSubscriptions(engine.internals(), topology, offsets, clock, null);
    }

    /**
     * The in-memory delivery as {@link #inMemorySubscriptions(StoreEngine, Topology, OffsetStore, Clock)}, with
     * dead letters kept in {@code deadLetters} (a durable store keeps them across restarts).
     */
    public static Subscriptions inMemorySubscriptions(
            StoreEngine engine, Topology topology, OffsetStore offsets, DeadLetterStore deadLetters, Clock clock) {
        return new EngineSubscriptions(
                engine.internals(), topology, offsets, deadLetters, clock, null, defaultMember());
    }

    /**
     * The delivery of {@code topology}'s subscriptions through a broker (JMS-2): the topology is declared on
     * {@code transport} now, events reach consumers through its queues (persistent ones published there by an
     * {@link #outboxRelay outbox relay}), history below a queue's oldest message is read from {@code store},
     * and positions are kept in {@code offsets}.
     *
     * @throws IllegalArgumentException if a name cannot be a broker name
     * @throws IllegalStateException if the broker cannot be reached
     */
    public static Subscriptions subscriptions(
            StoreEngine engine, Topology topology, OffsetStore offsets, Clock clock, DeliveryTransport transport) {
        return new EngineSubscriptions(
                engine.internals(), topology, offsets, clock, Objects.requireNonNull(transport, "transport"));
    }

    /**
     * The delivery of {@code topology} through a broker, as {@link #subscriptions(StoreEngine, Topology,
     * OffsetStore, Clock, DeliveryTransport)}, with this server's name among the servers of the application:
     * the processes of a consumer group share its queue, and each keeps its position in a row of its own
     * ({@code subscription@member}), so that no row passes an event another server still holds. By default the
     * member is the host name; name each server when several run on one host.
     *
     * @throws IllegalArgumentException if a name cannot be a broker name, or {@code member} is blank
     */
    public static Subscriptions subscriptions(
            StoreEngine engine,
            Topology topology,
            OffsetStore offsets,
            Clock clock,
            DeliveryTransport transport,
            String member) {
        return new EngineSubscriptions(
                engine.internals(), topology, offsets, clock, Objects.requireNonNull(transport, "transport"), member);
    }

    /**
     * The delivery through a broker as {@link #subscriptions(StoreEngine, Topology, OffsetStore, Clock,
     * DeliveryTransport, String)}, with dead letters kept in {@code deadLetters}.
     *
     * @throws IllegalArgumentException if a name cannot be a broker name, or {@code member} is blank
     */
    public static Subscriptions subscriptions(
            StoreEngine engine,
            Topology topology,
            OffsetStore offsets,
            DeadLetterStore deadLetters,
            Clock clock,
            DeliveryTransport transport,
            String member) {
        return new EngineSubscriptions(
                engine.internals(),
                topology,
                offsets,
                deadLetters,
                clock,
                Objects.requireNonNull(transport, "transport"),
                member);
    }

    /**
     * The retention task for {@code topology}'s persistent streams in {@code engine}'s store (ST-7), judging age by
     * {@code clock}; schedule {@link RetentionTask#run()} periodically.
     */
    public static RetentionTask retention(StoreEngine engine, Topology topology, Clock clock) {
        return new StoreRetention(engine.internals(), topology, clock);
    }

    /**
     * The topology of the streams and subscriptions declared through configuration keys
     * ({@code streamdingo.streams.*}, {@code streamdingo.subscriptions.*}; see docs/configuration.md) together
     * with those declared in code.
     *
     * @param keys every configuration key there is
     * @param values a key's value, if set
     * @throws IllegalArgumentException naming the key, stream or subscription that is wrong, and the rule
     */
    public static Topology topology(
            Iterable<String> keys,
            Function<String, Optional<String>> values,
            Collection<StreamDefinition> streams,
            Collection<SubscriptionDefinition> subscriptions) {
        return topology(keys, values, streams, subscriptions, List.of(), List.of());
    }

    /**
     * The topology of {@link #topology(Iterable, Function, Collection, Collection)} plus default declarations
     * (those of {@code @Subscribe} annotations) that configuration keys override one key at a time. A default
     * stream whose category {@code streams} declares gives way to that declaration, unless it asks for other
     * semantics than the declared stream's and than {@code AT_LEAST_ONCE} (the annotation's default).
     *
     * @throws IllegalArgumentException as above, and when a default subscription is also declared in code
     */
    public static Topology topology(
            Iterable<String> keys,
            Function<String, Optional<String>> values,
            Collection<StreamDefinition> streams,
            Collection<SubscriptionDefinition> subscriptions,
            Collection<StreamDefinition> defaultStreams,
            Collection<SubscriptionDefinition> defaultSubscriptions) {
        Map<String, StreamDefinition> inCode = new LinkedHashMap<>();
        streams.forEach(stream -> inCode.put(stream.category(), stream));
        Map<String, StreamDefinition> streamDefaults = new LinkedHashMap<>();
        for (StreamDefinition stream : defaultStreams) {
            StreamDefinition declared = inCode.get(stream.category());
            if (declared == null) {
                streamDefaults.put(stream.category(), stream);
            } else if (stream.semantics() != declared.semantics()
                    && stream.semantics() != DeliverySemantics.AT_LEAST_ONCE) {
                throw new IllegalArgumentException("stream " + stream.category() + " is declared "
                        + declared.semantics() + " in code, and a @Subscribe annotation asks for " + stream.semantics()
                        + "; remove the annotation's semantics or change the StreamDefinition");
            }
        }
        Map<String, SubscriptionDefinition> subscriptionDefaults = new LinkedHashMap<>();
        for (SubscriptionDefinition subscription : defaultSubscriptions) {
            if (subscriptions.stream().anyMatch(s -> s.name().equals(subscription.name()))) {
                throw new IllegalArgumentException("subscription " + subscription.name() + " is declared both by a"
                        + " @Subscribe annotation with a stream and by a SubscriptionDefinition in code; declare it"
                        + " once: drop the annotation's stream, or the SubscriptionDefinition");
            }
            subscriptionDefaults.put(subscription.name(), subscription);
        }
        ConfiguredTopology configured = new ConfiguredTopology(keys, values);
        List<StreamDefinition> allStreams = new ArrayList<>(configured.streams(streamDefaults));
        allStreams.addAll(streams);
        List<SubscriptionDefinition> allSubscriptions = new ArrayList<>(configured.subscriptions(subscriptionDefaults));
        allSubscriptions.addAll(subscriptions);
        return Topology.of(allStreams, allSubscriptions);
    }

    /**
     * The outbox relay (JMS-1) publishing {@code topology}'s persistent stream categories from {@code engine}'s
     * store through {@code publisher}, positions in {@code offsets}, 500 events per batch, a 30 s lease per
     * category; run {@link OutboxRelay#publishPending()} periodically.
     */
    public static OutboxRelay outboxRelay(
            StoreEngine engine, Topology topology, EventPublisher publisher, OffsetStore offsets) {
        return outboxRelay(engine, topology, publisher, offsets, 500, java.time.Duration.ofSeconds(30));
    }

    /**
     * An outbox relay as {@link #outboxRelay(StoreEngine, Topology, EventPublisher, OffsetStore)}, publishing
     * {@code batchSize} events per broker round trip and holding its lease for {@code leaseTimeout} after each
     * renewal (once per batch): a relay that dies is replaced within that time.
     *
     * @throws IllegalArgumentException if the batch size is below 1
     */
    public static OutboxRelay outboxRelay(
            StoreEngine engine,
            Topology topology,
            EventPublisher publisher,
            OffsetStore offsets,
            int batchSize,
            java.time.Duration leaseTimeout) {
        return new OutboxRelay(engine.internals(), topology, publisher, offsets, batchSize, leaseTimeout);
    }

    /** Replays of persistent stream categories from {@code store} (ST-6). */
    public static EventReplay replay(EventStore store) {
        return new StoreReplay(store);
    }

    /** A new, empty in-memory processed-events table (ST-8), stamping records with {@code clock}. */
    public static ProcessedEvents inMemoryProcessedEvents(Clock clock) {
        return new InMemoryProcessedEvents(clock);
    }

    /**
     * An aggregate repository for {@code type} (SN-4): loads through {@code replay}, appends to {@code store}.
     *
     * @throws IllegalArgumentException if a handler of {@code type} breaks the handler rules or takes an event
     *     class the store has not registered
     */
    public static <S> AggregateRepository<S> repository(
            AggregateType<S> type, ReplayEngine replay, EventAppender store) {
        if (replay instanceof DefaultReplayEngine engine) {
            engine.check(type);
        }
        return new DefaultAggregateRepository<>(type, replay, store);
    }
}
