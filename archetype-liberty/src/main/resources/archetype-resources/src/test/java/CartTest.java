package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.test.AggregateFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cart's handlers and decisions, given/when/then, in memory: no server, no database. */
class CartTest {

    private final AggregateFixture<Cart> carts = AggregateFixture.of(Carts.TYPE);

    @Test
    void addingAnItemAppendsItsEventAndCountsIt() {
        carts.given(new ItemAdded("apple", 2))
                .when(cart -> List.of(new ItemAdded("pear", 1)))
                .thenEvents(new ItemAdded("pear", 1))
                .thenState(cart -> assertThat(cart.items()).isEqualTo(3));
    }
}
