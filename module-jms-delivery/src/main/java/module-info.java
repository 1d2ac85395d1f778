/**
 * Delivery over Jakarta Messaging (ActiveMQ Artemis): only the {@code jakarta.jms} API appears in its
 * signatures; the broker's client comes from the server (resource adapter) or the application.
 */
module io.streamdingo.delivery.jms {
    requires transitive io.streamdingo.api;
    requires transitive jakarta.messaging;
    requires static org.jspecify;
    // CDI, MicroProfile Config and JNDI are there in a Jakarta EE server; plain Java use needs none of them.
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static microprofile.config.api;
    requires static java.naming;

    exports io.streamdingo.delivery.jms;

    // plain Java finds the delivery through its configuration (streamdingo.jms.url)
    provides io.streamdingo.api.spi.DeliveryTransportProvider with
            io.streamdingo.delivery.jms.provider.JmsTransportProvider;

    // The CDI container reflects on the producer.
    opens io.streamdingo.delivery.jms.cdi;
}
