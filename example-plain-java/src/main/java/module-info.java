/**
 * A plain Java application on the module path: it requires the engine and the JPA store, names neither
 * backend nor event type in code, and opens its events to Jackson.
 */
module io.streamdingo.example.plain {
    requires io.streamdingo.engine;
    // found through ServiceLoader (its `provides`), not called: required only so that it is resolved
    requires io.streamdingo.store.jpa;

    exports io.streamdingo.example.plain;

    opens io.streamdingo.example.plain to
            com.fasterxml.jackson.databind;
}
