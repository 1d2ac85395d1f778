/** Entry point of the engine: {@link io.streamdingo.engine.EventStores} builds an event store. */
@NullMarked
package io.streamdingo.engine;

import org.jspecify.annotations.NullMarked;
