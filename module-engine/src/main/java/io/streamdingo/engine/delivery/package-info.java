/** The in-memory reference delivery: subscription modes, semantics, retries and dead letters over the event store. */
@NullMarked
package io.streamdingo.engine.delivery;

import org.jspecify.annotations.NullMarked;
