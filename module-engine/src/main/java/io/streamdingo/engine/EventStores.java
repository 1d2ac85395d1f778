package io.streamdingo.engine;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.engine.memory.InMemoryEventStoreBackend;

/**
 * Builds {@link EventStore}s in plain Java; in a Jakarta EE application the CDI producers do this for you.
 *
 * <pre>{@code
 * EventStore store = EventStores.builder()
 *         .register(AccountOpened.class, MoneyDeposited.class)
 *         .build();                                  // in memory unless a backend is given
 * }</pre>
 */
public final class EventStores {

    private EventStores() {}

    /** A builder with the defaults described on {@link EventStoreBuilder}. */
    public static EventStoreBuilder builder() {
        return new EventStoreBuilder();
    }

    /** An in-memory store that knows {@code eventTypes}, with every other setting at its default. */
    public static EventStore inMemory(Class<?>... eventTypes) {
        return builder().register(eventTypes).build();
    }

    /**
     * A new, empty in-memory backend (ES-10): the reference implementation of the backend SPI, for tests and
     * embedded use. Nothing survives the JVM.
     */
    public static EventStoreBackend inMemoryBackend() {
        return new InMemoryEventStoreBackend();
    }
}
