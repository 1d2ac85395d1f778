package io.streamdingo.tck.replay;

import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.SnapshotPolicy;

/**
 * The kit's aggregate types, all over the {@code tck} stream category, snapshotting only on demand unless a
 * test says otherwise.
 */
public final class Carts {

    /** The cart as first written. */
    public static final AggregateType<CartState> CART =
            AggregateType.of("tck", CartState.class, CartHandlers.class).withSnapshotPolicy(SnapshotPolicy.onDemand());

    /** The cart after the removal handler changed. */
    public static final AggregateType<CartState> CART_WITH_CHANGED_REMOVAL = AggregateType.of(
                    "tck", CartState.class, CartHandlersWithChangedRemoval.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());

    /** The cart after the add handler changed. */
    public static final AggregateType<CartState> CART_WITH_CHANGED_ADD = AggregateType.of(
                    "tck", CartState.class, CartHandlersWithChangedAdd.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());

    /** The cart after notes got a handler. */
    public static final AggregateType<CartState> CART_COUNTING_NOTES = AggregateType.of(
                    "tck", CartState.class, CartHandlersCountingNotes.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());

    /** A mutable cart. */
    public static final AggregateType<MutableCart> MUTABLE_CART = AggregateType.of(
                    "tck", MutableCart.class, MutableCartHandlers.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());

    /** A bank account whose state holds its owners' names (personal data), over the same category. */
    public static final AggregateType<AccountState> ACCOUNT = AggregateType.of(
                    "tck", AccountState.class, AccountHandlers.class)
            .withSnapshotPolicy(SnapshotPolicy.onDemand());

    private Carts() {}
}
