package io.streamdingo.api.spi;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Distributed tracing of what the engine does with an event: the append, the outbox relay handing it to the
 * broker, and each consumer processing it. The management module implements it with OpenTelemetry (MicroProfile
 * Telemetry); without an implementation nothing is traced and nothing is added to events.
 *
 * <p>The trace travels with the event: an append adds its span's context to each event's metadata headers (as
 * W3C {@code traceparent} and {@code tracestate}, stored and hashed with the event and carried in every broker
 * message), and the relay's and consumers' spans continue the trace the event carries. A consumer's span is
 * current while its methods run, so what they append joins the same trace — across services too.
 *
 * <p>Contract: the methods are called on the engine's working threads; they must be quick and must not throw
 * (the engine drops what one throws and goes on untraced). A span is closed on the thread that started it.
 */
public interface EventTracing {

    /** Traces nothing and adds nothing. */
    EventTracing NONE = new EventTracing() {};

    /**
     * Starts the span of appending {@code events} events to {@code streamId}, current on this thread until it is
     * closed (a child of the caller's current span, such as the HTTP request's).
     */
    default TraceSpan appending(StreamId streamId, int events, @Nullable String correlationId) {
        return TraceSpan.NONE;
    }

    /** Starts the span of the relay handing {@code event} to the broker, in the trace the event carries. */
    default TraceSpan publishing(StoredEvent event) {
        return TraceSpan.NONE;
    }

    /**
     * Starts the span of a consumer of {@code subscription} processing {@code event}, in the trace the event
     * carries and current on this thread until it is closed.
     */
    default TraceSpan consuming(String subscription, RecordedEvent event) {
        return TraceSpan.NONE;
    }

    /** A span that was started; closing it ends it. */
    interface TraceSpan extends AutoCloseable {

        /** A span that records nothing and carries no context. */
        TraceSpan NONE = new TraceSpan() {
            @Override
            public Map<String, String> context() {
                return Map.of();
            }

            @Override
            public void failed(Throwable error) {
                // nothing is traced
            }

            @Override
            public void close() {
                // nothing is traced
            }
        };

        /**
         * The headers that carry this span's context to whoever continues the trace ({@code traceparent} and,
         * when set, {@code tracestate}); empty when nothing is traced or the span is not recorded anywhere.
         */
        Map<String, String> context();

        /** Marks the span as failed by {@code error}. */
        void failed(Throwable error);

        /** Ends the span (and makes the previous one current again). Never throws. */
        @Override
        void close();
    }
}
