package io.streamdingo.it;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP receiver (HTTP with protobuf, as an OpenTelemetry collector takes it) that keeps every span it is
 * sent: what the server's MicroProfile Telemetry exports to in {@link TracingIT}. Metrics and logs are taken and
 * dropped.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A received span, its ids in hex as OpenTelemetry prints them. */
    record ReceivedSpan(
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            Map<String, String> attributes) {}

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code 127.0.0.1:port}. */
    static OtlpReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    boolean gzip =
                            "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                    receiver.keep(ExportTraceServiceRequest.parseFrom(gzip ? new GZIPInputStream(body) : body));
                }
                reply(exchange, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
            });
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                reply(exchange, new byte[0]);
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " for OTLP", e);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (KeyValue attribute : span.getAttributesList()) {
                        var value = attribute.getValue();
                        attributes.put(
                                attribute.getKey(),
                                value.hasIntValue() ? String.valueOf(value.getIntValue()) : value.getStringValue());
                    }
                    spans.add(new ReceivedSpan(
                            hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(),
                            span.getKind().name(),
                            attributes));
                }
            }
        }
    }

    /** Every span received so far. */
    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
