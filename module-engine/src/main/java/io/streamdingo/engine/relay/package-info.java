/** The outbox relay: the event store's global order published to a broker, position kept, one active relay. */
@NullMarked
package io.streamdingo.engine.relay;

import org.jspecify.annotations.NullMarked;
