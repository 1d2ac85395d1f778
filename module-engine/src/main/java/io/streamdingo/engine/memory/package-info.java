/** The in-memory reference backend, for tests and embedded use. */
@NullMarked
package io.streamdingo.engine.memory;

import org.jspecify.annotations.NullMarked;
