package io.streamdingo.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import io.streamdingo.tck.replay.CartState;
import io.streamdingo.tck.replay.Carts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The given/when/then fixture passes what is right and fails what is wrong. */
class AggregateFixtureTest {

    private final AggregateFixture<CartState> carts =
            AggregateFixture.of(Carts.CART, ItemAdded.class, ItemRemoved.class, NoteAdded.class);

    @Test
    void givenEventsRebuildTheStateThroughTheHandlers() {
        carts.given(new ItemAdded("a", 2), new ItemRemoved("a"))
                .thenState(cart -> assertThat(cart).isEqualTo(new CartState(2, 1)));
    }

    @Test
    void aDecisionsEventsAreCheckedInOrder() {
        carts.given(new ItemAdded("a", 2))
                .when(cart -> List.of(new ItemRemoved("a"), new NoteAdded("emptied")))
                .thenEvents(new ItemRemoved("a"), new NoteAdded("emptied"))
                .thenState(cart -> assertThat(cart.removals()).isEqualTo(1));
    }

    @Test
    void otherEventsThanExpectedFailTheTest() {
        AggregateFixture<CartState>.When when = carts.given().when(cart -> List.of(new ItemAdded("a", 1)));

        assertThatThrownBy(() -> when.thenEvents(new ItemAdded("a", 2))).isInstanceOf(AssertionError.class);
    }

    @Test
    void aRefusedCommandIsCheckedByTypeAndMessage() {
        carts.given()
                .when(cart -> {
                    if (cart.items() == 0) {
                        throw new IllegalStateException("nothing to remove");
                    }
                    return List.of(new ItemRemoved("a"));
                })
                .thenFails(IllegalStateException.class, "nothing to remove");
    }

    @Test
    void expectingAFailureFromASuccessfulCommandFailsTheTest() {
        AggregateFixture<CartState>.When when = carts.given().when(cart -> List.of(new ItemAdded("a", 1)));

        assertThatThrownBy(() -> when.thenFails(IllegalStateException.class, "x"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aDecisionWithoutEventsIsCheckedWithThenNoEvents() {
        carts.given(new ItemAdded("a", 1)).when(cart -> List.of()).thenNoEvents();
    }
}
