/**
 * Distributed tracing of appends, the outbox relay's publications and consumers' processing with OpenTelemetry,
 * through MicroProfile Telemetry: one workflow shows as one trace across services and the broker.
 */
package io.streamdingo.management.tracing;
