/**
 * Operations for a Jakarta EE server, turned on by deploying the jar: MicroProfile Health checks of the event
 * store's database, the broker and the consumers, MicroProfile Metrics of the engine and the subscriptions,
 * the management REST API with its live feed and admin dashboard, and OpenTelemetry tracing. Depends on
 * the api alone, like the other adapters; exports nothing.
 */
module io.streamdingo.management {
    requires io.streamdingo.api;
    requires static org.jspecify;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    // the server's APIs
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static jakarta.annotation;
    requires static microprofile.health.api;
    requires static microprofile.config.api;
    requires static microprofile.metrics.api;
    requires static microprofile.openapi.api;
    // MicroProfile Telemetry's OpenTelemetry API, used only when the server provides it
    requires static io.opentelemetry.api;
    requires static io.opentelemetry.context;
    requires static jakarta.servlet;
    requires static java.naming;

    provides jakarta.servlet.ServletContainerInitializer with
            io.streamdingo.management.http.ManagementRegistration;

    // The CDI container and the health runtime reflect on the checks.
    opens io.streamdingo.management.health;
    // The CDI container makes the metrics beans and the tracing producer.
    opens io.streamdingo.management.metrics;
    opens io.streamdingo.management.tracing;
    // The servlet container instantiates and injects the servlet; Jackson writes the API's records.
    opens io.streamdingo.management.http;
}
