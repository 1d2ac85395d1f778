package io.streamdingo.engine.store;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.StoredEvent;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The application's tracing behind a guard: a tracer that throws is logged once and the work goes on untraced,
 * so that tracing never breaks an append, a publication or a delivery.
 */
public final class GuardedTracing implements EventTracing {

    private static final System.Logger LOG = System.getLogger(GuardedTracing.class.getName());

    private final EventTracing tracing;
    private final AtomicBoolean reported = new AtomicBoolean();

    private GuardedTracing(EventTracing tracing) {
        this.tracing = tracing;
    }

    /** {@code tracing} guarded; {@link EventTracing#NONE} as it is. */
    public static EventTracing of(EventTracing tracing) {
        return tracing == NONE || tracing instanceof GuardedTracing ? tracing : new GuardedTracing(tracing);
    }

    @Override
    public TraceSpan appending(StreamId streamId, int events, @Nullable String correlationId) {
        return start(() -> tracing.appending(streamId, events, correlationId));
    }

    @Override
    public TraceSpan publishing(StoredEvent event) {
        return start(() -> tracing.publishing(event));
    }

    @Override
    public TraceSpan consuming(String subscription, RecordedEvent event) {
        return start(() -> tracing.consuming(subscription, event));
    }

    private TraceSpan start(Supplier<TraceSpan> starting) {
        try {
            return new Guarded(starting.get());
        } catch (RuntimeException e) {
            report(e);
            return TraceSpan.NONE;
        }
    }

    private void report(RuntimeException e) {
        if (reported.compareAndSet(false, true)) {
            LOG.log(
                    Level.WARNING,
                    "event tracing " + tracing.getClass().getName() + " threw; traces may be incomplete (logged once)",
                    e);
        }
    }

    /** A started span whose calls cannot throw. */
    private final class Guarded implements TraceSpan {
        private final TraceSpan span;

        Guarded(TraceSpan span) {
            this.span = span;
        }

        @Override
        public Map<String, String> context() {
            try {
                return span.context();
            } catch (RuntimeException e) {
                report(e);
                return Map.of();
            }
        }

        @Override
        public void failed(Throwable error) {
            try {
                span.failed(error);
            } catch (RuntimeException e) {
                report(e);
            }
        }

        @Override
        public void close() {
            try {
                span.close();
            } catch (RuntimeException e) {
                report(e);
            }
        }
    }
}
