package io.streamdingo.api.spi;

import java.util.List;

/**
 * One queue of a {@link DeliveryTransport}, read by one process: messages arrive in the order the broker
 * delivers them (for persistent streams, their global order) and stay the process's until acknowledged or
 * until the channel closes, when the broker gives them to another consumer or to this one again.
 *
 * <p>Thread-safe. A broker restart may deliver a message again: consumers recognise it by its global position
 * (persistent streams) or event id.
 */
public interface TransportChannel extends AutoCloseable {

    /** The messages that arrived since the last call, in arrival order; never blocks, empty if none. */
    List<StoredEvent> arrived();

    /**
     * Settles {@code message}, one {@link #arrived()} returned: the broker may forget it. A message whose
     * delivery was lost with a broken connection is ignored here; it arrives again.
     */
    void acknowledge(StoredEvent message);

    /**
     * How many times the channel has connected so far (0 before the first time). A connection may have had
     * to create the queue, which then holds only what was published from then on: the engine reads what
     * came before from its store.
     */
    long connections();

    /**
     * Runs {@code listener} whenever messages arrive, so that a waiting consumer looks at once instead of at
     * its next poll. It must be quick and must not throw. By default nothing is called: consumers then see
     * arrivals at their next look.
     */
    default void onArrival(Runnable listener) {}

    /** Stops receiving; messages not acknowledged go back to the broker. Idempotent. */
    @Override
    void close();
}
