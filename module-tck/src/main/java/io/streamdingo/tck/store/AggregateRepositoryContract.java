package io.streamdingo.tck.store;

import static io.streamdingo.tck.replay.Carts.CART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.api.replay.AggregateRepository;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.replay.CartState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SN-4: load, decide, append with the loaded version; retries only when asked for. */
public interface AggregateRepositoryContract extends ContractFixture {

    private AggregateRepository<CartState> carts() {
        return EventStores.repository(CART, replay(), store());
    }

    /** A decision that, the first {@code times} times it runs, lets another writer append first. */
    private List<ItemAdded> addOneAfterARival(String id, AtomicInteger runs, int times) {
        if (runs.incrementAndGet() <= times) {
            store().append(CART.streamId(id), ExpectedVersion.any(), NewEvent.of(new ItemAdded("rival", 100)));
        }
        return List.of(new ItemAdded("mine", 1));
    }

    @Test
    default void anUpdateAppendsWhatTheDecisionReturnsAfterTheLoadedVersion() {
        String id = newStreamId().id();
        carts().update(id, cart -> List.of(new ItemAdded("a", 2)));

        Optional<AppendResult> result = carts().update(id, cart -> List.of(new ItemAdded("b", cart.items() + 1)));

        assertThat(result)
                .hasValueSatisfying(r -> assertThat(r.currentVersion()).isEqualTo(2));
        assertThat(carts().load(id).state()).isEqualTo(new CartState(5, 0));
    }

    @Test
    default void aDecisionWithoutEventsAppendsNothing() {
        String id = newStreamId().id();

        assertThat(carts().update(id, cart -> List.of())).isEmpty();
        assertThat(store().currentVersion(CART.streamId(id))).isZero();
    }

    @Test
    default void aRefusedCommandPropagatesItsExceptionAndAppendsNothing() {
        String id = newStreamId().id();

        assertThatThrownBy(() -> carts().update(id, cart -> {
                    throw new IllegalStateException("cart is empty");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cart is empty");
        assertThat(store().currentVersion(CART.streamId(id))).isZero();
    }

    @Test
    default void aConcurrentWriterMakesAnUpdateFailWithoutRetries() {
        String id = newStreamId().id();
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> carts().update(id, cart -> addOneAfterARival(id, runs, 1)))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(carts().load(id).state()).isEqualTo(new CartState(100, 0));
    }

    @Test
    default void aRetryingRepositoryLoadsAgainAndRerunsTheDecision() {
        String id = newStreamId().id();
        AtomicInteger runs = new AtomicInteger();

        Optional<AppendResult> result =
                carts().retryingOnConflict(3).update(id, cart -> addOneAfterARival(id, runs, 2));

        assertThat(runs).hasValue(3);
        assertThat(result)
                .hasValueSatisfying(r -> assertThat(r.currentVersion()).isEqualTo(3));
        assertThat(carts().load(id).state()).isEqualTo(new CartState(201, 0));
    }

    @Test
    default void retriesStopAfterTheGivenNumberOfAttempts() {
        String id = newStreamId().id();
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> carts().retryingOnConflict(2).update(id, cart -> addOneAfterARival(id, runs, 5)))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(runs).hasValue(2);
    }
}
