package io.streamdingo.tck.replay;

import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;

/** {@link CartHandlers} after a change to the add handler only: quantities now count double. */
public final class CartHandlersWithChangedAdd {

    private CartHandlersWithChangedAdd() {}

    @InitialState
    public static CartState initial() {
        return CartState.EMPTY;
    }

    @EventHandler
    public static CartState added(CartState cart, ItemAdded event) {
        return new CartState(cart.items() + 2 * event.quantity(), cart.removals());
    }

    @EventHandler
    public static CartState removed(CartState cart, ItemRemoved event) {
        return new CartState(cart.items(), cart.removals() + 1);
    }
}
