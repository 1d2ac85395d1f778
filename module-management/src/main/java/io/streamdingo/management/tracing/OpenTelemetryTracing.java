package io.streamdingo.management.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.StoredEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link EventTracing} with OpenTelemetry, as MicroProfile Telemetry provides it: an {@code append} span (a
 * child of the caller's span, such as the HTTP request's), a {@code publish} span (kind PRODUCER) per event the
 * relay hands to the broker, and a {@code process} span (kind CONSUMER) per event a subscription's consumer
 * processes, the last two continuing the trace the event carries in its metadata as W3C trace context. Each
 * span names the stream, the event and — as {@code messaging.message.conversation_id} and
 * {@code streamdingo.correlation_id} — the workflow's correlation id.
 *
 * <p>The W3C format is used whatever propagators the application configured: it is what events store, and what
 * any other service reading them expects.
 */
public final class OpenTelemetryTracing implements EventTracing {

    static final String SCOPE = "io.streamdingo";
    static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("streamdingo.correlation_id");
    static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("messaging.message.conversation_id");
    static final AttributeKey<String> STREAM = AttributeKey.stringKey("streamdingo.stream");
    static final AttributeKey<String> CATEGORY = AttributeKey.stringKey("streamdingo.category");
    static final AttributeKey<Long> EVENTS = AttributeKey.longKey("streamdingo.events");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("streamdingo.event_type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    /** Tracing with {@code openTelemetry}'s tracer named {@value #SCOPE}. */
    public OpenTelemetryTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    /**
     * Tracing with {@code openTelemetry}, typed as {@link Object} so that a caller that does not know whether
     * the OpenTelemetry API is present needs no reference to it.
     *
     * @throws ClassCastException if it is not an {@link OpenTelemetry}
     */
    static EventTracing of(Object openTelemetry) {
        return new OpenTelemetryTracing((OpenTelemetry) openTelemetry);
    }

    @Override
    public TraceSpan appending(StreamId streamId, int events, @Nullable String correlationId) {
        SpanBuilder span = tracer.spanBuilder("append " + streamId.category())
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(CATEGORY, streamId.category())
                .setAttribute(STREAM, streamId.toString())
                .setAttribute(EVENTS, (long) events);
        correlation(span, correlationId);
        return Started.current(span.startSpan());
    }

    @Override
    public TraceSpan publishing(StoredEvent event) {
        SpanBuilder span = eventSpan(
                "publish " + event.streamId().category(),
                SpanKind.PRODUCER,
                "send",
                event.streamId(),
                event.eventId(),
                event.eventType(),
                event.metadata());
        return Started.detached(span.startSpan());
    }

    @Override
    public TraceSpan consuming(String subscription, RecordedEvent event) {
        SpanBuilder span = eventSpan(
                        "process " + subscription,
                        SpanKind.CONSUMER,
                        "process",
                        event.streamId(),
                        event.eventId(),
                        event.eventType(),
                        event.metadata())
                .setAttribute(CONSUMER_GROUP, subscription);
        return Started.current(span.startSpan());
    }

    /** A span about one event, in the trace the event carries, with the messaging attributes it shares. */
    private SpanBuilder eventSpan(
            String name,
            SpanKind kind,
            String operation,
            StreamId streamId,
            UUID eventId,
            String eventType,
            EventMetadata metadata) {
        SpanBuilder span = tracer.spanBuilder(name)
                .setParent(parentOf(metadata))
                .setSpanKind(kind)
                .setAttribute(OPERATION, operation)
                .setAttribute(DESTINATION, streamId.category())
                .setAttribute(MESSAGE_ID, eventId.toString())
                .setAttribute(STREAM, streamId.toString())
                .setAttribute(EVENT_TYPE, eventType);
        correlation(span, metadata.correlationId());
        return span;
    }

    private static void correlation(SpanBuilder span, @Nullable String correlationId) {
        if (correlationId != null) {
            span.setAttribute(CORRELATION_ID, correlationId).setAttribute(CONVERSATION_ID, correlationId);
        }
    }

    /** The trace the event carries; the current context (a new trace, unless one is current) if none. */
    private static Context parentOf(EventMetadata metadata) {
        return W3C.extract(Context.current(), metadata.headers(), HEADERS);
    }

    /** A started span, with the scope that made it current if it is. */
    private record Started(Span span, @Nullable Scope scope) implements TraceSpan {

        static Started current(Span span) {
            return new Started(span, span.makeCurrent());
        }

        static Started detached(Span span) {
            return new Started(span, null);
        }

        @Override
        public Map<String, String> context() {
            Map<String, String> headers = new LinkedHashMap<>(2);
            W3C.inject(Context.root().with(span), headers, Map::put);
            return headers;
        }

        @Override
        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            span.end();
        }
    }
}
