package io.streamdingo.delivery.jms.cdi;

import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.EventDecoder;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.delivery.jms.JmsDeliveryTransport;
import io.streamdingo.delivery.jms.JmsEventPublisher;
import io.streamdingo.delivery.jms.MessageEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the Jakarta Messaging delivery's beans: the {@link EventPublisher} the engine's outbox relay
 * publishes through, the {@link DeliveryTransport} that carries the subscriptions, so that
 * {@code @Inject Subscriptions} and {@code @Subscribe} methods consume through the broker, and
 * {@link MessageEvents} for message-driven beans that read a subscription's queue themselves. Both use the
 * application's {@link ConnectionFactory} bean, or else the one named by
 * {@code streamdingo.jms.connection-factory} in JNDI (default {@code jms/streamdingo}); addresses and queues
 * are prefixed with {@code streamdingo.jms.prefix} (default {@code streamdingo}); a lost broker is tried again
 * every {@code streamdingo.jms.reconnect-delay} (default {@code PT1S}).
 */
@ApplicationScoped
public class JmsDeliveryProducer {

    private static final System.Logger LOG = System.getLogger(JmsDeliveryProducer.class.getName());

    @Produces
    @Singleton
    EventPublisher publisher(Instance<ConnectionFactory> factories) {
        Config config = ConfigProvider.getConfig();
        return new JmsEventPublisher(connectionFactory(factories, config), prefix(config));
    }

    @Produces
    @Singleton
    DeliveryTransport transport(Instance<ConnectionFactory> factories) {
        Config config = ConfigProvider.getConfig();
        Duration reconnectDelay = config.getOptionalValue("streamdingo.jms.reconnect-delay", Duration.class)
                .orElse(Duration.ofSeconds(1));
        return new JmsDeliveryTransport(
                connectionFactory(factories, config), prefix(config), reconnectDelay, threadFactory());
    }

    @Produces
    @Singleton
    MessageEvents messageEvents(EventDecoder decoder) {
        return new MessageEvents(decoder);
    }

    void close(@Disposes DeliveryTransport transport) {
        transport.close();
    }

    void close(@Disposes EventPublisher publisher) {
        publisher.close();
    }

    private static String prefix(Config config) {
        return config.getOptionalValue("streamdingo.jms.prefix", String.class).orElse("streamdingo");
    }

    /** The server's managed threads (they carry the application's context), else daemon threads. */
    private static ThreadFactory threadFactory() {
        try {
            return (ThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "no managed thread factory at java:comp/DefaultManagedThreadFactory ({0}): the broker channels"
                            + " receive on threads of their own, without the server''s context",
                    e.toString());
            return task -> {
                Thread thread = new Thread(task);
                thread.setDaemon(true);
                return thread;
            };
        }
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
