/**
 * The Jakarta Persistence event-store backend: {@link io.streamdingo.store.jpa.JpaEventStoreBackend} and
 * {@link io.streamdingo.store.jpa.SchemaMigrations}.
 */
@NullMarked
package io.streamdingo.store.jpa;

import org.jspecify.annotations.NullMarked;
