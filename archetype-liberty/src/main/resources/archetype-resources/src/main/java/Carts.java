package ${package};

import io.streamdingo.api.replay.AggregateType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The cart aggregate: its streams are {@code cart-<id>}; declared as a bean, it can be injected as a repository. */
@ApplicationScoped
public class Carts {

    /** The category of the carts' streams. */
    public static final String CATEGORY = "cart";

    public static final AggregateType<Cart> TYPE = AggregateType.of(CATEGORY, Cart.class, CartHandlers.class);

    @Produces
    AggregateType<Cart> type() {
        return TYPE;
    }
}
