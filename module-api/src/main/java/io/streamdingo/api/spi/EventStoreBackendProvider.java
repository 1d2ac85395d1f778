package io.streamdingo.api.spi;

import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a store backend from configuration, so that plain Java finds a deployed store module without code
 * naming it: a store built without a backend asks every provider ({@link java.util.ServiceLoader}; a module
 * declares {@code provides io.streamdingo.api.spi.EventStoreBackendProvider with …}) and uses the one its
 * configuration sets up, or the in-memory backend when none is configured. In a Jakarta EE server the store
 * module's CDI bean is used instead.
 */
public interface EventStoreBackendProvider {

    /** What the provider stores in, for messages ("JPA"). */
    String name();

    /**
     * The backend that {@code settings} configure for this provider, ready to use (schema migrated), which
     * releases everything it opened when it is closed; empty when {@code settings} do not mention it.
     *
     * @param settings a configuration key's value, if set
     * @throws IllegalArgumentException if the settings configure it wrongly, naming the key and what to do
     * @throws io.streamdingo.api.StoreUnavailableException if what they name cannot be reached
     */
    Optional<EventStoreBackend> open(Function<String, Optional<String>> settings);
}
