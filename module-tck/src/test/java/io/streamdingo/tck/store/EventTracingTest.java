package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine asks of {@link EventTracing}: a span around each append whose context each event carries, the
 * append's failure on its span, and nothing broken by a tracer that throws or an event with no room left.
 */
class EventTracingTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final StreamId CART = StreamId.of("tck", "c1");

    /** Records the spans it is asked for; each carries {@link #TRACEPARENT}. */
    static final class RecordingTracing implements EventTracing {
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        final List<String> closed = new CopyOnWriteArrayList<>();

        @Override
        public TraceSpan appending(StreamId streamId, int events, @Nullable String correlationId) {
            return span("append " + streamId + " x" + events + " " + correlationId);
        }

        @Override
        public TraceSpan publishing(StoredEvent event) {
            return span("publish " + event.streamId());
        }

        @Override
        public TraceSpan consuming(String subscription, RecordedEvent event) {
            return span("process " + subscription);
        }

        private TraceSpan span(String name) {
            started.add(name);
            return new TraceSpan() {
                @Override
                public Map<String, String> context() {
                    return Map.of("traceparent", TRACEPARENT);
                }

                @Override
                public void failed(Throwable error) {
                    failures.add(error);
                }

                @Override
                public void close() {
                    closed.add(name);
                }
            };
        }
    }

    private final RecordingTracing tracing = new RecordingTracing();
    private final StoreEngine engine = EventStores.builder()
            .backend(EventStores.inMemoryBackend())
            .register(ItemAdded.class)
            .tracing(tracing)
            .buildEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void anAppendRunsInASpanWhoseContextEachEventCarries() {
        // when two events of a workflow are appended
        EventMetadata workflow = EventMetadata.empty().withCorrelationId("checkout-7");
        engine.store()
                .append(
                        CART,
                        ExpectedVersion.noStream(),
                        List.of(
                                NewEvent.of(new ItemAdded("a", 1), workflow),
                                NewEvent.of(new ItemAdded("b", 2), workflow)));

        // then one span covered the append, and both events carry its context
        assertThat(tracing.started).containsExactly("append tck-c1 x2 checkout-7");
        assertThat(tracing.closed).containsExactly("append tck-c1 x2 checkout-7");
        assertThat(engine.store().read(CART).toList())
                .allSatisfy(event -> assertThat(event.metadata().headers()).containsEntry("traceparent", TRACEPARENT));
    }

    @Test
    void aRefusedAppendMarksItsSpanFailedAndWritesNothing() {
        // given a stream at version 1
        engine.store().append(CART, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1)));

        // when an append expects it to be new
        assertThatThrownBy(() ->
                        engine.store().append(CART, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("b", 1))))
                .isInstanceOf(WrongExpectedVersionException.class);

        // then its span says why, and is closed
        assertThat(tracing.failures).singleElement().isInstanceOf(WrongExpectedVersionException.class);
        assertThat(tracing.closed).hasSize(2);
        assertThat(engine.store().currentVersion(CART)).isEqualTo(1);
    }

    @Test
    void anEventWhoseHeadersAreFullIsAppendedUntraced() {
        // given an event that already holds the most headers an event may hold
        EventMetadata full = EventMetadata.empty();
        for (int i : IntStream.range(0, EventMetadata.MAX_HEADERS).toArray()) {
            full = full.withHeader("h" + i, "v");
        }

        // when it is appended
        engine.store().append(CART, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1), full));

        // then it is stored as it was given
        assertThat(engine.store().read(CART).toList().get(0).metadata().headers())
                .hasSize(EventMetadata.MAX_HEADERS)
                .doesNotContainKey("traceparent");
    }

    @Test
    void aTracerThatThrowsBreaksNoAppend() {
        // given an engine whose tracer always fails
        EventTracing failing = new EventTracing() {
            @Override
            public TraceSpan appending(StreamId streamId, int events, @Nullable String correlationId) {
                throw new IllegalStateException("broken tracing");
            }
        };
        try (StoreEngine other = EventStores.builder()
                .backend(EventStores.inMemoryBackend())
                .register(ItemAdded.class)
                .tracing(failing)
                .buildEngine()) {

            // when
            other.store().append(CART, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("a", 1)));

            // then the append stands, untraced
            assertThat(other.store().read(CART).toList())
                    .singleElement()
                    .satisfies(event -> assertThat(event.metadata().headers()).isEmpty());
        }
    }
}
