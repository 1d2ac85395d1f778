package io.streamdingo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.api.replay.ReplayEngine;
import org.junit.jupiter.api.Test;

/**
 * Handler classes that break a rule are refused when the replay engine first meets their aggregate type (a
 * repository, before any load), naming the handler and the rule; a handler for an interface applies to the events that implement it.
 */
class HandlerRulesTest {

    interface Priced {
        long cents();
    }

    record Added(long cents) implements Priced {}

    record Removed(long cents) {}

    record Total(long cents) {
        static final Total ZERO = new Total(0);
    }

    private final StoreEngine engine =
            EventStores.builder().register(Added.class, Removed.class).buildEngine();
    private final ReplayEngine replay = EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore());
    private final StreamId stream = StreamId.of("total", "t-1");

    private void loadWith(Class<?> handlers) {
        replay.load(AggregateType.of("total", Total.class, handlers), stream);
    }

    static final class NoInitialState {
        @EventHandler
        static Total added(Total total, Added added) {
            return total;
        }
    }

    @Test
    void anAggregateTypeWithoutAnInitialStateIsRefused() {
        assertThatThrownBy(() -> loadWith(NoInitialState.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregate type total has no @InitialState method");
    }

    static final class TwoInitialStates {
        @InitialState
        static Total one() {
            return Total.ZERO;
        }

        @InitialState
        static Total two() {
            return Total.ZERO;
        }
    }

    @Test
    void twoInitialStatesAreRefused() {
        assertThatThrownBy(() -> loadWith(TwoInitialStates.class))
                .hasMessageContaining("is invalid: there is already an @InitialState method")
                .hasMessageContaining("an aggregate type has exactly one");
    }

    static final class InitialStateWithAParameter {
        @InitialState
        static Total initial(long start) {
            return new Total(start);
        }
    }

    @Test
    void anInitialStateWithParametersIsRefused() {
        assertThatThrownBy(() -> loadWith(InitialStateWithAParameter.class))
                .hasMessageContaining("InitialStateWithAParameter.initial is invalid")
                .hasMessageContaining("static and takes no parameters");
    }

    static final class InitialStateOfAnotherType {
        @InitialState
        static String initial() {
            return "zero";
        }
    }

    @Test
    void anInitialStateOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> loadWith(InitialStateOfAnotherType.class))
                .hasMessageContaining("an @InitialState method returns the state");
    }

    static final class HandlerWithOneParameter {
        @InitialState
        static Total initial() {
            return Total.ZERO;
        }

        @EventHandler
        static Total added(Added added) {
            return new Total(added.cents());
        }
    }

    @Test
    void aHandlerWithoutTheStateParameterIsRefused() {
        assertThatThrownBy(() -> loadWith(HandlerWithOneParameter.class))
                .hasMessageContaining("an @EventHandler takes two parameters, the state");
    }

    static final class HandlerReturningSomethingElse {
        @InitialState
        static Total initial() {
            return Total.ZERO;
        }

        @EventHandler
        static String added(Total total, Added added) {
            return "no";
        }
    }

    @Test
    void aHandlerReturningAnotherTypeIsRefused() {
        assertThatThrownBy(() -> loadWith(HandlerReturningSomethingElse.class))
                .hasMessageContaining("an @EventHandler returns the new state");
    }

    static final class TwoHandlersForOneEvent {
        @InitialState
        static Total initial() {
            return Total.ZERO;
        }

        @EventHandler
        static Total added(Total total, Added added) {
            return total;
        }

        @EventHandler
        static Total addedAgain(Total total, Added added) {
            return total;
        }
    }

    @Test
    void twoHandlersForOneEventClassAreRefused() {
        assertThatThrownBy(() -> loadWith(TwoHandlersForOneEvent.class))
                .hasMessageContaining("already handles")
                .hasMessageContaining("keep one handler per event class");
    }

    static final class InstanceHandlersWithoutADefaultConstructor {
        private final long bonus;

        InstanceHandlersWithoutADefaultConstructor(long bonus) {
            this.bonus = bonus;
        }

        @InitialState
        static Total initial() {
            return Total.ZERO;
        }

        @EventHandler
        Total added(Total total, Added added) {
            return new Total(total.cents() + added.cents() + bonus);
        }
    }

    @Test
    void instanceHandlersWithoutANoArgumentConstructorAreRefused() {
        assertThatThrownBy(() -> loadWith(InstanceHandlersWithoutADefaultConstructor.class))
                .hasMessageContaining("has instance handlers but cannot be created with a no-argument constructor");
    }

    static final class NullInitialState {
        @InitialState
        static Total initial() {
            return null;
        }
    }

    @Test
    void anInitialStateThatReturnsNullFailsTheLoadSayingSo() {
        assertThatThrownBy(() -> loadWith(NullInitialState.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the @InitialState method of total returned null");
    }

    static final class ByInterface {
        @InitialState
        static Total initial() {
            return Total.ZERO;
        }

        @EventHandler
        static Total priced(Total total, Priced priced) {
            return new Total(total.cents() + priced.cents());
        }

        @EventHandler
        static Total removed(Total total, Removed removed) {
            return new Total(total.cents() - removed.cents());
        }
    }

    @Test
    void aHandlerForAnInterfaceAppliesToTheEventsThatImplementIt() {
        engine.store()
                .append(
                        stream,
                        ExpectedVersion.noStream(),
                        NewEvent.all(new Added(500), new Added(250), new Removed(100)));

        Total total = replay.load(AggregateType.of("total", Total.class, ByInterface.class), stream)
                .state();

        assertThat(total).isEqualTo(new Total(650));
    }

    /** Not registered with the store. */
    record Discounted(long cents) {}

    static final class ForAnUnregisteredEvent {
        @InitialState
        static Total initial() {
            return Total.ZERO;
        }

        @EventHandler
        static Total discounted(Total total, Discounted discounted) {
            return new Total(total.cents() - discounted.cents());
        }
    }

    @Test
    void aRepositoryWhoseHandlerTakesAnUnregisteredEventClassIsRefusedBeforeAnyLoadNamingBoth() {
        AggregateType<Total> type = AggregateType.of("total", Total.class, ForAnUnregisteredEvent.class);

        assertThatThrownBy(() -> EventStores.repository(type, replay, engine.store()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ForAnUnregisteredEvent.discounted")
                .hasMessageContaining(Discounted.class.getName())
                .hasMessageContaining("not a registered event type");
    }

    @Test
    void aRepositoryWhoseHandlerTakesAnInterfaceOfRegisteredEventsIsAcceptedAndLoads() {
        AggregateType<Total> type = AggregateType.of("total", Total.class, ByInterface.class);
        engine.store().append(stream, ExpectedVersion.noStream(), NewEvent.of(new Added(300)));

        assertThat(EventStores.repository(type, replay, engine.store())
                        .load("t-1")
                        .state())
                .isEqualTo(new Total(300));
    }
}
