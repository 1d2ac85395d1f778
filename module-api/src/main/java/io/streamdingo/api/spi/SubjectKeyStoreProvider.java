package io.streamdingo.api.spi;

import java.util.Optional;
import java.util.function.Function;

/**
 * Offers a key store for the data subjects' keys beside a store module's own backend, so that plain Java keeps
 * them in the events' database without code naming the module: a store built without a key store, whose event
 * types hold personal data, asks every provider ({@link java.util.ServiceLoader}) for one beside its backend.
 */
public interface SubjectKeyStoreProvider {

    /**
     * A key store in the same storage as {@code backend}, if {@code backend} is this module's; else empty.
     *
     * @param settings the configuration (system properties, then environment variables), for the master key
     * @throws IllegalStateException if the module's key store needs configuration that is missing, naming it
     */
    Optional<SubjectKeyStore> subjectKeysBeside(EventStoreBackend backend, Function<String, Optional<String>> settings);
}
