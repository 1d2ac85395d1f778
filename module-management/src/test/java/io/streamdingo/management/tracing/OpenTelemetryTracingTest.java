package io.streamdingo.management.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One workflow, one trace: an append is a child of the caller's span and its events carry its context; the
 * relay's publication and a consumer's processing continue that trace on other threads, and what a consumer
 * appends joins it.
 */
class OpenTelemetryTracingTest {

    private static final StreamId ORDER = StreamId.of("orders", "o-1");
    private static final EventMetadata WORKFLOW = EventMetadata.empty().withCorrelationId("checkout-42");

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    private final EventTracing tracing = new OpenTelemetryTracing(openTelemetry);
    private final StoreEngine engine =
            EventStores.builder().register(ItemAdded.class).tracing(tracing).buildEngine();

    @AfterEach
    void close() {
        engine.close();
        openTelemetry.close();
    }

    @Test
    void anAppendIsAChildOfTheCallersSpanAndItsEventsCarryItsContext() {
        // given a request being served
        Span request =
                openTelemetry.getTracer("test").spanBuilder("POST /orders").startSpan();

        // when it appends two events
        try (Scope ignored = request.makeCurrent()) {
            appendOrder();
        }
        request.end();

        // then the append span is the request's child, names the workflow, and each event carries its context
        SpanData append = only("append orders");
        assertThat(append.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(append.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(append.getAttributes().get(OpenTelemetryTracing.CORRELATION_ID))
                .isEqualTo("checkout-42");
        assertThat(append.getAttributes().get(OpenTelemetryTracing.EVENTS)).isEqualTo(2L);
        assertThat(engine.store().read(ORDER).toList())
                .allSatisfy(event -> assertThat(event.metadata().headers().get("traceparent"))
                        .isEqualTo("00-" + append.getTraceId() + "-" + append.getSpanId() + "-01"));
    }

    @Test
    void theRelaysPublicationOnAnotherThreadContinuesTheTraceTheEventCarries() throws Exception {
        // given an appended event
        appendOrder();
        SpanData append = only("append orders");
        Topology topology = Topology.of(List.of(StreamDefinition.persistent("orders")), List.of());
        EventPublisher publisher = new EventPublisher() {
            @Override
            public void publish(String category, List<StoredEvent> events) {
                // the broker took them
            }

            @Override
            public void close() {}
        };

        // when the relay publishes it from its own thread, where no span is current
        var relay = EventStores.outboxRelay(engine, topology, publisher, EventStores.inMemoryOffsetStore());
        CompletableFuture.runAsync(relay::publishPending).get();

        // then each publication is a producer span in the append's trace, naming the event and the workflow
        List<SpanData> published = named("publish orders");
        assertThat(published).hasSize(2).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(span.getTraceId()).isEqualTo(append.getTraceId());
            assertThat(span.getParentSpanId()).isEqualTo(append.getSpanId());
            assertThat(span.getAttributes().get(OpenTelemetryTracing.CONVERSATION_ID))
                    .isEqualTo("checkout-42");
        });
    }

    @Test
    void aConsumersProcessingContinuesTheTraceAndWhatItAppendsJoinsIt() throws Exception {
        // given an appended event, read back as a consumer receives it
        appendOrder();
        SpanData append = only("append orders");
        RecordedEvent received = engine.store().read(ORDER).toList().get(0);

        // when a consumer processes it on another thread and appends an event of its own
        CompletableFuture.runAsync(() -> {
                    try (EventTracing.TraceSpan processing = tracing.consuming("billing", received)) {
                        engine.store()
                                .append(
                                        StreamId.of("invoices", "i-1"),
                                        ExpectedVersion.noStream(),
                                        NewEvent.of(new ItemAdded("invoice", 1), received.metadata()));
                    }
                })
                .get();

        // then processing is a consumer span in the append's trace, and the consumer's append is its child
        SpanData processing = only("process billing");
        assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(processing.getTraceId()).isEqualTo(append.getTraceId());
        assertThat(processing.getParentSpanId()).isEqualTo(append.getSpanId());
        assertThat(processing.getAttributes().get(OpenTelemetryTracing.CONSUMER_GROUP))
                .isEqualTo("billing");
        SpanData invoice = only("append invoices");
        assertThat(invoice.getParentSpanId()).isEqualTo(processing.getSpanId());
        assertThat(invoice.getTraceId()).isEqualTo(append.getTraceId());
    }

    @Test
    void aConsumerThatFailsMarksItsSpanAsAnError() {
        // given an appended event
        appendOrder();
        RecordedEvent received = engine.store().read(ORDER).toList().get(0);

        // when a consumer fails on it
        try (EventTracing.TraceSpan processing = tracing.consuming("billing", received)) {
            processing.failed(new IllegalStateException("the warehouse is away"));
        }

        // then the span says so, with the exception
        SpanData processing = only("process billing");
        assertThat(processing.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(processing.getEvents()).extracting(event -> event.getName()).contains("exception");
    }

    @Test
    void withTracingOffNothingIsAddedToEvents() {
        // given MicroProfile Telemetry's default: the SDK disabled, the API a no-op
        try (StoreEngine untraced = EventStores.builder()
                .register(ItemAdded.class)
                .tracing(new OpenTelemetryTracing(OpenTelemetry.noop()))
                .buildEngine()) {

            // when events are appended
            untraced.store().append(ORDER, ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("x", 1), WORKFLOW));

            // then they carry no trace headers
            assertThat(untraced.store().read(ORDER).toList())
                    .allSatisfy(event -> assertThat(event.metadata().headers()).isEmpty());
        }
    }

    @Test
    void aTraceHeaderTheApplicationSetIsKept() {
        // given an event that carries a trace context of the application's choosing
        String chosen = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        // when it is appended
        engine.store()
                .append(
                        ORDER,
                        ExpectedVersion.noStream(),
                        NewEvent.of(new ItemAdded("x", 1), WORKFLOW.withHeader("traceparent", chosen)));

        // then it keeps it
        assertThat(engine.store().read(ORDER).toList().get(0).metadata().headers())
                .containsEntry("traceparent", chosen);
    }

    private void appendOrder() {
        engine.store()
                .append(
                        ORDER,
                        ExpectedVersion.noStream(),
                        List.of(
                                NewEvent.of(new ItemAdded("sku-1", 1), WORKFLOW),
                                NewEvent.of(new ItemAdded("sku-2", 2), WORKFLOW)));
    }

    private List<SpanData> named(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name))
                .toList();
    }

    private SpanData only(String name) {
        List<SpanData> found = named(name);
        assertThat(found).as("spans named " + name).hasSize(1);
        return found.get(0);
    }
}
