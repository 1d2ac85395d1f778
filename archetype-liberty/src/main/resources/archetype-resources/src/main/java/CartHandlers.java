package ${package};

import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;

/**
 * The cart's pure event handlers: (state, event) → new state. StreamDingo fingerprints their code at compile
 * time, so a snapshot taken by older handlers is never trusted after they change.
 */
public final class CartHandlers {

    private CartHandlers() {}

    @InitialState
    static Cart empty() {
        return new Cart(0);
    }

    @EventHandler
    static Cart added(Cart cart, ItemAdded added) {
        return new Cart(cart.items() + added.quantity());
    }
}
