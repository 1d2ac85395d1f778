package io.streamdingo.engine.cdi;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.replay.AggregateRepository;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.replay.DefaultReplayEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces the {@link ReplayEngine} over the injected {@link EventStore} and the deployed
 * {@link SnapshotStore} bean (in memory if there is none), and an {@link AggregateRepository} for every
 * {@link AggregateType} bean the application declares (SN-4):
 *
 * <pre>{@code
 * @Produces AggregateType<Account> accounts = AggregateType.of("account", Account.class, AccountHandlers.class);
 *
 * @Inject AggregateRepository<Account> accounts;
 * }</pre>
 */
@ApplicationScoped
public class ReplayProducer {

    private static final System.Logger LOG = System.getLogger(ReplayProducer.class.getName());

    // @Singleton for the same reason as the event store: no client proxy in the api's package.
    @Produces
    @Singleton
    ReplayEngine replayEngine(StoreEngine engine, Instance<SnapshotStore> snapshotStores) {
        if (snapshotStores.isAmbiguous()) {
            throw new IllegalStateException("more than one SnapshotStore bean is deployed; deploy one store module "
                    + "or make one snapshot store an @Alternative");
        }
        if (snapshotStores.isResolvable()) {
            return EventStores.replayEngine(engine, snapshotStores.get());
        }
        LOG.log(
                Level.INFO,
                "no SnapshotStore bean is deployed: snapshots are kept in memory and lost at restart; add "
                        + "streamdingo-jpa-store to keep them in the database");
        return EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore());
    }

    /**
     * Every declared aggregate type is checked when the application starts, not at its first load: a handler of
     * an event class the store does not know fails the deployment, naming the method.
     */
    void checkAtStartUp(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            @Any Instance<AggregateType<?>> aggregateTypes,
            ReplayEngine replay) {
        if (replay instanceof DefaultReplayEngine engine) {
            aggregateTypes.forEach(engine::check);
        }
    }

    /** A repository for the aggregate type the injection point names, e.g. {@code AggregateRepository<Account>}. */
    @Produces
    @Dependent
    <S> AggregateRepository<S> repository(
            InjectionPoint injectionPoint,
            ReplayEngine replay,
            EventStore store,
            @Any Instance<AggregateType<?>> aggregateTypes) {
        Class<?> stateType = stateTypeOf(injectionPoint);
        List<AggregateType<?>> matching = new ArrayList<>();
        for (AggregateType<?> type : aggregateTypes) {
            if (type.stateType() == stateType) {
                matching.add(type);
            }
        }
        if (matching.size() != 1) {
            throw new IllegalStateException((matching.isEmpty() ? "no" : "more than one") + " AggregateType<"
                    + stateType.getName() + "> bean for " + injectionPoint + "; declare exactly one, for example"
                    + " @Produces AggregateType<" + stateType.getSimpleName() + "> type = AggregateType.of(...)");
        }
        @SuppressWarnings("unchecked")
        AggregateType<S> type = (AggregateType<S>) matching.get(0);
        return EventStores.repository(type, replay, store);
    }

    private static Class<?> stateTypeOf(InjectionPoint injectionPoint) {
        Type type = injectionPoint.getType();
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> state) {
            return state;
        }
        throw new IllegalStateException("inject AggregateRepository with its state type, such as"
                + " AggregateRepository<Account>; " + injectionPoint + " does not name one");
    }
}
