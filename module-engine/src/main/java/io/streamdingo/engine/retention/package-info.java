/** Retention of persistent streams, enforced over the event store by a periodic task. */
@NullMarked
package io.streamdingo.engine.retention;

import org.jspecify.annotations.NullMarked;
