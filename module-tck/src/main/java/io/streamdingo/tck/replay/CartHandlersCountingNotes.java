package io.streamdingo.tck.replay;

import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.events.CartEvents.NoteAdded;

/** {@link CartHandlers} plus a new handler for notes, which used to be ignored. */
public final class CartHandlersCountingNotes {

    private CartHandlersCountingNotes() {}

    @InitialState
    public static CartState initial() {
        return CartState.EMPTY;
    }

    @EventHandler
    public static CartState added(CartState cart, ItemAdded event) {
        return new CartState(cart.items() + event.quantity(), cart.removals());
    }

    @EventHandler
    public static CartState removed(CartState cart, ItemRemoved event) {
        return new CartState(cart.items(), cart.removals() + 1);
    }

    @EventHandler
    public static CartState noted(CartState cart, NoteAdded event) {
        return new CartState(cart.items() + 1000, cart.removals());
    }
}
