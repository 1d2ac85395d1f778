package io.streamdingo.engine.store;

import io.streamdingo.api.spi.EngineObserver;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's observers behind one: each is told in turn, and one that throws is logged once (per observer
 * class) and otherwise ignored, so that metrics never break an append or a delivery.
 */
public final class GuardedObserver implements EngineObserver {

    private static final System.Logger LOG = System.getLogger(GuardedObserver.class.getName());

    private final List<EngineObserver> observers;
    private final Set<Class<?>> reported = ConcurrentHashMap.newKeySet();

    private GuardedObserver(List<EngineObserver> observers) {
        this.observers = observers;
    }

    /** {@link EngineObserver#NONE} when there are none. */
    public static EngineObserver of(List<EngineObserver> observers) {
        return observers.isEmpty() ? NONE : new GuardedObserver(List.copyOf(observers));
    }

    private void tell(Consumer<EngineObserver> call) {
        for (EngineObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                if (reported.add(observer.getClass())) {
                    LOG.log(
                            Level.WARNING,
                            "engine observer " + observer.getClass().getName()
                                    + " threw; its figures may be incomplete (logged once)",
                            e);
                }
            }
        }
    }

    @Override
    public void appended(String category, int events) {
        tell(o -> o.appended(category, events));
    }

    @Override
    public void published(String category, Duration sinceRecorded) {
        tell(o -> o.published(category, sinceRecorded));
    }

    @Override
    public void delivered(String subscription) {
        tell(o -> o.delivered(subscription));
    }

    @Override
    public void acknowledged(String subscription, Duration processing) {
        tell(o -> o.acknowledged(subscription, processing));
    }

    @Override
    public void nacked(String subscription) {
        tell(o -> o.nacked(subscription));
    }

    @Override
    public void deadLettered(String subscription) {
        tell(o -> o.deadLettered(subscription));
    }

    @Override
    public void duplicateSkipped(String subscription) {
        tell(o -> o.duplicateSkipped(subscription));
    }

    @Override
    public void replayed(String aggregateType, ReplayStart start) {
        tell(o -> o.replayed(aggregateType, start));
    }

    @Override
    public void snapshotWritten(String aggregateType) {
        tell(o -> o.snapshotWritten(aggregateType));
    }

    @Override
    public void integrityFailed(String category) {
        tell(o -> o.integrityFailed(category));
    }
}
