package io.streamdingo.tck.replay;

import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;

/** Handlers that change a {@link MutableCart} in place (void handlers), as instance methods. */
public final class MutableCartHandlers {

    @InitialState
    public static MutableCart initial() {
        return new MutableCart();
    }

    @EventHandler
    public void added(MutableCart cart, ItemAdded event) {
        cart.add(event.sku());
    }

    @EventHandler
    public void removed(MutableCart cart, ItemRemoved event) {
        cart.remove(event.sku());
    }
}
