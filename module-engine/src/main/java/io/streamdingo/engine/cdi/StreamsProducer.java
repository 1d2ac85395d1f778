package io.streamdingo.engine.cdi;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.EventReplay;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the application's {@link Topology} from the {@link StreamDefinition} and
 * {@link SubscriptionDefinition} beans it declares, the {@code @Subscribe} annotations that name a stream, and
 * the {@code streamdingo.streams.*} and {@code streamdingo.subscriptions.*} configuration keys (which override
 * an annotation's declaration key by key), checked at start-up; and, over it,
 * {@code @Inject Subscriptions} (through the deployed {@link DeliveryTransport} bean when there is one, such as
 * the Jakarta Messaging delivery's, else the in-memory delivery; positions in the deployed {@link OffsetStore}
 * bean or in memory) and {@code @Inject EventReplay}.
 */
@ApplicationScoped
public class StreamsProducer {

    private static final System.Logger LOG = System.getLogger(StreamsProducer.class.getName());

    @Produces
    @Singleton
    Topology topology(
            @Any Instance<StreamDefinition> streams,
            @Any Instance<SubscriptionDefinition> subscriptions,
            Instance<ConsumerMethods> consumerMethods) {
        Config config = ConfigProvider.getConfig();
        List<StreamDefinition> declaredStreams = new ArrayList<>();
        streams.forEach(declaredStreams::add);
        List<SubscriptionDefinition> declaredSubscriptions = new ArrayList<>();
        subscriptions.forEach(declaredSubscriptions::add);
        // without the extension (a container told not to load it) no method is annotated as far as we know
        AnnotatedDeclarations annotated = AnnotatedDeclarations.of(
                consumerMethods.isResolvable() ? consumerMethods.get().methods() : List.of());
        return EventStores.topology(
                config.getPropertyNames(),
                key -> config.getOptionalValue(key, String.class),
                declaredStreams,
                declaredSubscriptions,
                annotated.streams(),
                annotated.subscriptions());
    }

    /** A topology that contradicts itself fails the deployment, not the first consumer. */
    void checkAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started, Topology topology) {
        LOG.log(
                Level.DEBUG,
                "StreamDingo topology: {0} stream(s), {1} subscription(s)",
                topology.streams().size(),
                topology.subscriptions().size());
    }

    @Produces
    @Singleton
    Subscriptions subscriptions(
            StoreEngine engine,
            Topology topology,
            Instance<OffsetStore> offsetStores,
            Instance<DeadLetterStore> deadLetterStores,
            Instance<DeliveryTransport> transports) {
        OffsetStore offsets;
        if (offsetStores.isResolvable()) {
            offsets = offsetStores.get();
        } else {
            LOG.log(
                    Level.INFO,
                    "no OffsetStore bean is deployed: consumer positions are kept in memory and lost at restart;"
                            + " add streamdingo-jpa-store to keep them in the database");
            offsets = EventStores.inMemoryOffsetStore();
        }
        DeadLetterStore deadLetters =
                deadLetterStores.isResolvable() ? deadLetterStores.get() : EventStores.inMemoryDeadLetterStore();
        if (transports.isResolvable()) {
            return EventStores.subscriptions(
                    engine, topology, offsets, deadLetters, Clock.systemUTC(), transports.get(), member());
        }
        return EventStores.inMemorySubscriptions(engine, topology, offsets, deadLetters, Clock.systemUTC());
    }

    /** This server's name among the servers of the application (consumer groups over a broker). */
    private static String member() {
        return ConfigProvider.getConfig()
                .getOptionalValue("streamdingo.delivery.member", String.class)
                .filter(name -> !name.isBlank())
                .orElseGet(EventStores::defaultMember);
    }

    void close(@Disposes Subscriptions subscriptions) {
        subscriptions.close();
    }

    @Produces
    @Singleton
    EventReplay replay(EventStore store) {
        return EventStores.replay(store);
    }
}
