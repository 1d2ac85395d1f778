/**
 * The technology compatibility kit: abstract JUnit 5 contract suites that the in-memory backend and every
 * real backend pass unchanged. A backend's test subclasses {@link io.streamdingo.tck.store.EventStoreContract}
 * and returns its backend; nothing in the kit is skipped or assumed away.
 */
module io.streamdingo.tck {
    requires transitive io.streamdingo.engine;
    requires io.streamdingo.hashing;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires static org.jspecify;
    // LogCapture hands out java.util.logging records
    requires transitive java.logging;

    exports io.streamdingo.tck.store;
    exports io.streamdingo.tck.events;
    exports io.streamdingo.tck.replay;
    exports io.streamdingo.tck.delivery;

    // JUnit runs the suites' lifecycle methods and default test methods reflectively.
    opens io.streamdingo.tck.store to
            org.junit.platform.commons;
    opens io.streamdingo.tck.delivery to
            org.junit.platform.commons;
    // Jackson reads and writes the kit's event classes; the engine calls their package-private @Upcast methods.
    opens io.streamdingo.tck.events to
            com.fasterxml.jackson.databind,
            io.streamdingo.engine;
    // Jackson writes the kit's states into snapshots; the engine calls their handlers.
    opens io.streamdingo.tck.replay to
            com.fasterxml.jackson.databind,
            io.streamdingo.engine;
}
