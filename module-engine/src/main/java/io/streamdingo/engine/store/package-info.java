/** The event store over a backend: encoding, lazy paged reads and sessions. */
@NullMarked
package io.streamdingo.engine.store;

import org.jspecify.annotations.NullMarked;
