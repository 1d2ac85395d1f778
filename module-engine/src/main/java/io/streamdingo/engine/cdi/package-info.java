/** CDI wiring: the producer behind {@code @Inject EventStore}. */
@NullMarked
package io.streamdingo.engine.cdi;

import org.jspecify.annotations.NullMarked;
