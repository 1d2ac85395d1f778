/**
 * Operations for a Jakarta EE server, turned on by deploying the jar: MicroProfile Health checks of the event
 * store's database, the broker and the consumers. Depends on the api alone, like the other adapters.
 */
module io.streamdingo.management {
    requires io.streamdingo.api;
    requires static org.jspecify;
    // the server's APIs
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static jakarta.annotation;
    requires static microprofile.health.api;
    requires static microprofile.config.api;

    // The CDI container and the health runtime reflect on the checks.
    opens io.streamdingo.management.health;
}
