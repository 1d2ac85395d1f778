/**
 * The rules of StreamDingo: event-type registration, serialization, upcasting and the event store built
 * over any {@link io.streamdingo.api.spi.EventStoreBackend}, plus the in-memory reference backend.
 *
 * <p>Exported: {@code io.streamdingo.engine} (the builder), {@code io.streamdingo.engine.relay} (the relay it
 * returns) and {@code io.streamdingo.engine.serialization} (the default serializer, to configure its mapper);
 * everything else is reached through the api's interfaces. Event classes are read and written by Jackson, so an application module that holds
 * them must open their package to {@code com.fasterxml.jackson.databind}.
 */
module io.streamdingo.engine {
    requires transitive io.streamdingo.api;
    requires io.streamdingo.hashing;
    // transitive: the exported JacksonEventSerializer takes an application's ObjectMapper
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;
    // the schema registry's JSON Schemas
    requires com.github.victools.jsonschema.generator;
    requires com.github.victools.jsonschema.module.jackson;
    requires static org.jspecify;
    // CDI and MicroProfile Config are there in a Jakarta EE server; plain Java use needs neither.
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static microprofile.config.api;
    requires static java.naming;

    exports io.streamdingo.engine;

    // outside a container, what deployed store and delivery modules provide for their configuration
    uses io.streamdingo.api.spi.EventStoreBackendProvider;
    uses io.streamdingo.api.spi.SnapshotStoreProvider;
    uses io.streamdingo.api.spi.SubjectKeyStoreProvider;
    uses io.streamdingo.api.spi.DeliveryTransportProvider;
    // the relay's type, returned by EventStores.outboxRelay
    exports io.streamdingo.engine.relay;
    // the default serializer, for applications that configure its ObjectMapper
    exports io.streamdingo.engine.serialization;

    // The CDI extension that finds @Subscribe methods is registered in META-INF/services only: a `provides`
    // clause would make this module need jakarta.cdi wherever it runs. Application servers load it from the
    // class path; on the module path, add it to the container yourself (a deployment with @Subscribe methods
    // and without the extension fails, saying so).

    // The CDI container reflects on the producer and proxies what it produces.
    opens io.streamdingo.engine.cdi;
}
