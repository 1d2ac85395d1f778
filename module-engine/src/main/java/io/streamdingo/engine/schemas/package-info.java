/**
 * The schema registry: JSON Schemas generated from the registered event classes, written to a
 * {@link io.streamdingo.api.spi.SchemaStore} when the engine is built, with a WARNING for a type whose schema
 * changed without a new version. Internal to the engine; applications read it through
 * {@link io.streamdingo.api.SchemaRegistry}.
 */
@NullMarked
package io.streamdingo.engine.schemas;

import org.jspecify.annotations.NullMarked;
