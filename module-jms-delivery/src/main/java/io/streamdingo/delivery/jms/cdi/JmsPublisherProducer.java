package io.streamdingo.delivery.jms.cdi;

import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.delivery.jms.JmsEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the {@link EventPublisher} the engine's outbox relay publishes through: Jakarta Messaging over the
 * application's {@link ConnectionFactory} bean, or else the one named by {@code streamdingo.jms.connection-factory}
 * in JNDI (default {@code jms/streamdingo}), to topics prefixed with {@code streamdingo.jms.prefix} (default
 * {@code streamdingo}).
 */
@ApplicationScoped
public class JmsPublisherProducer {

    @Produces
    @Singleton
    EventPublisher publisher(Instance<ConnectionFactory> factories) {
        Config config = ConfigProvider.getConfig();
        String prefix =
                config.getOptionalValue("streamdingo.jms.prefix", String.class).orElse("streamdingo");
        return new JmsEventPublisher(connectionFactory(factories, config), prefix);
    }

    private static ConnectionFactory connectionFactory(Instance<ConnectionFactory> factories, Config config) {
        if (factories.isResolvable()) {
            return factories.get();
        }
        String name = config.getOptionalValue("streamdingo.jms.connection-factory", String.class)
                .orElse("jms/streamdingo");
        try {
            return (ConnectionFactory) new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            throw new IllegalStateException(
                    "the Jakarta Messaging delivery finds no ConnectionFactory bean and no"
                            + " connection factory named '" + name
                            + "' in JNDI; set streamdingo.jms.connection-factory or"
                            + " produce a ConnectionFactory bean",
                    e);
        }
    }
}
