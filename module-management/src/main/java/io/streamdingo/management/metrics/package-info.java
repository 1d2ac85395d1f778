/**
 * MicroProfile Metrics of the engine: counters and timers fed by the engine's observer, gauges of each
 * subscription's lag, position and dead letters. Names and tags follow Prometheus conventions once exported
 * (snake case, {@code _total} counters, seconds); tags are categories, subscriptions and aggregate types only.
 */
package io.streamdingo.management.metrics;
