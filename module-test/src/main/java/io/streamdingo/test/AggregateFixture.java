package io.streamdingo.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.AggregateRepository;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.Decision;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tests an aggregate's handlers and decisions the way Axon's test fixture does: given past events, when a
 * command's decision runs, then these events (or this failure, or this state). Runs on the in-memory store
 * and replay engine, so handlers are fingerprinted and states serialized exactly as in production.
 *
 * <pre>{@code
 * AggregateFixture<Account> accounts = AggregateFixture.of(ACCOUNT, AccountOpened.class, MoneyDeposited.class);
 *
 * accounts.given(new AccountOpened("alice"), new MoneyDeposited(100))
 *         .when(account -> account.withdraw(30))
 *         .thenEvents(new MoneyWithdrawn(30));
 * }</pre>
 *
 * <p>Each {@link #given} starts from an empty store. Not thread-safe; use one per test.
 *
 * @param <S> the aggregate's state type
 */
public final class AggregateFixture<S> {

    private static final String AGGREGATE_ID = "under-test";

    private final AggregateType<S> type;
    private final Class<?>[] eventTypes;

    private AggregateFixture(AggregateType<S> type, Class<?>[] eventTypes) {
        this.type = Objects.requireNonNull(type, "type must not be null");
        this.eventTypes = eventTypes.clone();
    }

    /**
     * A fixture for {@code type}, whose events are of {@code eventTypes} and of every {@code @EventType} class
     * the compiler indexed ({@code META-INF/streamdingo/event-types}, written by {@code streamdingo-hashing} on
     * the processor path): with the index, no type needs naming here.
     */
    public static <S> AggregateFixture<S> of(AggregateType<S> type, Class<?>... eventTypes) {
        return new AggregateFixture<>(type, eventTypes);
    }

    /** The aggregate's history before the command: these events, appended in order. */
    public Given given(Object... pastEvents) {
        StoreEngine engine = EventStores.builder()
                .registerIndexed(Thread.currentThread().getContextClassLoader())
                .register(eventTypes)
                .buildEngine();
        EventStore store = engine.store();
        StreamId stream = type.streamId(AGGREGATE_ID);
        if (pastEvents.length > 0) {
            store.append(stream, ExpectedVersion.noStream(), NewEvent.all(pastEvents));
        }
        return new Given(store, EventStores.replayEngine(engine, EventStores.inMemorySnapshotStore()), stream);
    }

    /** The aggregate after its history, before the command. */
    public final class Given {
        private final EventStore store;
        private final ReplayEngine replay;
        private final StreamId stream;

        private Given(EventStore store, ReplayEngine replay, StreamId stream) {
            this.store = store;
            this.replay = replay;
            this.stream = stream;
        }

        /** Checks the state the history rebuilds, through the handlers. */
        public Given thenState(Consumer<? super S> check) {
            check.accept(replay.load(type, stream).state());
            return this;
        }

        /** Runs {@code decision} on the state the history rebuilds, through the aggregate repository. */
        public When when(Decision<S> decision) {
            AggregateRepository<S> repository = EventStores.repository(type, replay, store);
            long before = store.currentVersion(stream);
            try {
                repository.update(AGGREGATE_ID, decision);
            } catch (RuntimeException e) {
                return new When(this, List.of(), e);
            }
            List<Object> emitted = store.read(stream)
                    .filter(event -> event.streamVersion() > before)
                    .map(RecordedEvent::payload)
                    .toList();
            return new When(this, emitted, null);
        }
    }

    /** What the command did. */
    public final class When {
        private final Given given;
        private final List<Object> emitted;
        private final RuntimeException failure;

        private When(Given given, List<Object> emitted, RuntimeException failure) {
            this.given = given;
            this.emitted = emitted;
            this.failure = failure;
        }

        /** The command succeeded and emitted exactly these events, in this order (compared with equals). */
        public When thenEvents(Object... expected) {
            if (failure != null) {
                throw new AssertionError(
                        "expected events " + Arrays.toString(expected) + " but the decision failed", failure);
            }
            assertThat(emitted).as("events emitted by the command").containsExactly(expected);
            return this;
        }

        /** The command succeeded and emitted nothing. */
        public When thenNoEvents() {
            return thenEvents();
        }

        /** The command failed with {@code type}, its message containing {@code messagePart}, and emitted nothing. */
        public When thenFails(Class<? extends Throwable> type, String messagePart) {
            assertThatThrownBy(() -> {
                        if (failure != null) {
                            throw failure;
                        }
                    })
                    .as("the command's failure")
                    .isInstanceOf(type)
                    .hasMessageContaining(messagePart);
            assertThat(emitted).as("events emitted by a failed command").isEmpty();
            return this;
        }

        /** Checks the state after the command's events are applied. */
        public When thenState(Consumer<? super S> check) {
            given.thenState(check);
            return this;
        }
    }
}
