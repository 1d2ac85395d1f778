/**
 * Delivery over Jakarta Messaging (ActiveMQ Artemis): only the {@code jakarta.jms} API appears in its
 * signatures; the broker's client comes from the server (resource adapter) or the application.
 */
module io.streamdingo.delivery.jms {
    requires transitive io.streamdingo.api;
    requires transitive jakarta.messaging;
    requires static org.jspecify;

    exports io.streamdingo.delivery.jms;
}
