/**
 * Test support for applications, added in test scope: {@link io.streamdingo.test.AggregateFixture} tests an
 * aggregate's handlers and decisions given/when/then on the in-memory engine, without a database or server.
 */
module io.streamdingo.test {
    requires transitive io.streamdingo.engine;
    requires transitive org.assertj.core;
    requires static org.jspecify;

    exports io.streamdingo.test;
}
