/**
 * The technology compatibility kit: abstract JUnit 5 contract suites that the in-memory backend and every
 * real backend pass unchanged. A backend's test subclasses {@link io.streamdingo.tck.store.EventStoreContract}
 * and returns its backend; nothing in the kit is skipped or assumed away.
 */
module io.streamdingo.tck {
    requires transitive io.streamdingo.engine;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires static org.jspecify;

    exports io.streamdingo.tck.store;
    exports io.streamdingo.tck.events;

    // JUnit runs the suites' lifecycle methods and default test methods reflectively.
    opens io.streamdingo.tck.store to
            org.junit.platform.commons;
    // Jackson reads and writes the kit's event classes; the engine calls their package-private @Upcast methods.
    opens io.streamdingo.tck.events to
            com.fasterxml.jackson.databind,
            io.streamdingo.engine;
}
