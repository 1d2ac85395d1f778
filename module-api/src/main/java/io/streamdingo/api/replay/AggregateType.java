package io.streamdingo.api.replay;

import io.streamdingo.api.StreamId;
import java.util.List;
import java.util.Objects;

/**
 * What the replay engine needs to rebuild one kind of state: the stream category it lives in, the state's
 * Java type, the handler classes holding its {@link InitialState} and {@link EventHandler} methods, and how
 * it is snapshotted. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>The state type is serialized to canonical JSON for snapshots, with the same Jackson set-up as events:
 * records work as they are, mutable classes need a no-argument constructor and properties.
 *
 * @param category the stream category, also the snapshots' state type name (rules of {@link StreamId})
 * @param stateType the state's class
 * @param handlerClasses where the handler methods are; at least one
 * @param snapshotPolicy when to store a snapshot after a load; by default every 100 events
 * @param snapshotsToKeep how many snapshots per stream to keep (older ones are deleted); by default 3
 * @param verifyOnLoad whether every load also checks the hash chain of the events it applies; off by default
 * @param <S> the state's type
 */
public record AggregateType<S>(
        String category,
        Class<S> stateType,
        List<Class<?>> handlerClasses,
        SnapshotPolicy snapshotPolicy,
        int snapshotsToKeep,
        boolean verifyOnLoad) {

    /** The interval of the default snapshot policy. */
    public static final int DEFAULT_SNAPSHOT_INTERVAL = 100;

    /** How many snapshots per stream are kept by default. */
    public static final int DEFAULT_SNAPSHOTS_TO_KEEP = 3;

    /**
     * @throws IllegalArgumentException if the category breaks the stream id rules, no handler class is given
     *     or {@code snapshotsToKeep} is below 1
     */
    public AggregateType {
        StreamId.requireValidCategory(category);
        Objects.requireNonNull(stateType, "stateType");
        handlerClasses = List.copyOf(handlerClasses);
        if (handlerClasses.isEmpty()) {
            throw new IllegalArgumentException("aggregate type " + category
                    + " needs at least one handler class with an @InitialState method and @EventHandler methods");
        }
        Objects.requireNonNull(snapshotPolicy, "snapshotPolicy");
        if (snapshotsToKeep < 1) {
            throw new IllegalArgumentException("aggregate type " + category + " must keep at least 1 snapshot; got "
                    + snapshotsToKeep + " (use SnapshotPolicy.onDemand() to take none automatically)");
        }
    }

    /** An aggregate type with the default snapshot settings. */
    public static <S> AggregateType<S> of(String category, Class<S> stateType, Class<?>... handlerClasses) {
        return new AggregateType<>(
                category,
                stateType,
                List.of(handlerClasses),
                SnapshotPolicy.everyEvents(DEFAULT_SNAPSHOT_INTERVAL),
                DEFAULT_SNAPSHOTS_TO_KEEP,
                false);
    }

    /** This type with another snapshot policy. */
    public AggregateType<S> withSnapshotPolicy(SnapshotPolicy policy) {
        return new AggregateType<>(category, stateType, handlerClasses, policy, snapshotsToKeep, verifyOnLoad);
    }

    /** This type keeping {@code count} snapshots per stream. */
    public AggregateType<S> keepingSnapshots(int count) {
        return new AggregateType<>(category, stateType, handlerClasses, snapshotPolicy, count, verifyOnLoad);
    }

    /** This type checking the hash chain of the events applied on every load (HS-4). */
    public AggregateType<S> verifyingOnLoad() {
        return new AggregateType<>(category, stateType, handlerClasses, snapshotPolicy, snapshotsToKeep, true);
    }

    /** The stream of the aggregate with {@code id}. */
    public StreamId streamId(String id) {
        return StreamId.of(category, id);
    }
}
