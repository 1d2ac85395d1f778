/**
 * The library's health checks (MicroProfile Health): readiness of the store's database and of the broker,
 * liveness of the consumers. Each check's data names what it looked at and the figure it found.
 */
@NullMarked
package io.streamdingo.management.health;

import org.jspecify.annotations.NullMarked;
