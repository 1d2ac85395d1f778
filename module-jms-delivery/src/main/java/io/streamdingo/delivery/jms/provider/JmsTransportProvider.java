package io.streamdingo.delivery.jms.provider;

import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.DeliveryTransportProvider;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.delivery.jms.JmsDeliveryTransport;
import io.streamdingo.delivery.jms.JmsEventPublisher;
import jakarta.jms.ConnectionFactory;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens the Jakarta Messaging delivery for plain Java when {@code streamdingo.jms.url} is set: a connection
 * factory of the ActiveMQ Artemis client for that URL (the client on the class or module path; the module
 * itself needs only the Jakarta Messaging API), then the transport and the relay's publisher over it.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code streamdingo.jms.url}</td><td>none: the provider stays out</td>
 *       <td>the broker's URL, such as {@code tcp://127.0.0.1:61616}</td></tr>
 *   <tr><td>{@code streamdingo.jms.prefix}</td><td>{@code streamdingo}</td><td>the address prefix</td></tr>
 *   <tr><td>{@code streamdingo.jms.reconnect-delay}</td><td>{@code PT1S}</td>
 *       <td>the wait between attempts to reach a broker that went away</td></tr>
 * </table>
 */
public final class JmsTransportProvider implements DeliveryTransportProvider {

    static final String ARTEMIS_FACTORY = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";

    @Override
    public String name() {
        return "Jakarta Messaging";
    }

    @Override
    public Optional<DeliveryTransport> transport(Function<String, Optional<String>> settings) {
        return connections(settings)
                .map(factory -> new JmsDeliveryTransport(
                        factory, prefix(settings), reconnectDelay(settings), JmsTransportProvider::daemon));
    }

    @Override
    public Optional<EventPublisher> publisher(Function<String, Optional<String>> settings) {
        return connections(settings).map(factory -> new JmsEventPublisher(factory, prefix(settings)));
    }

    private static Optional<ConnectionFactory> connections(Function<String, Optional<String>> settings) {
        Optional<String> url =
                settings.apply("streamdingo.jms.url").map(String::trim).filter(u -> !u.isEmpty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Class<?> artemis;
        try {
            artemis = Class.forName(ARTEMIS_FACTORY, true, JmsTransportProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("streamdingo.jms.url is set, but the ActiveMQ Artemis client is not"
                    + " on the path; add org.apache.artemis:artemis-jakarta-client, or build the transport over a"
                    + " ConnectionFactory of your own (new JmsDeliveryTransport(factory, …))");
        }
        try {
            return Optional.of(
                    (ConnectionFactory) artemis.getConstructor(String.class).newInstance(url.get()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "configuration key streamdingo.jms.url is '" + url.get() + "', which the Artemis client refuses ("
                            + e.getCause().getMessage() + "); use a URL such as tcp://127.0.0.1:61616",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Artemis client's " + ARTEMIS_FACTORY, e);
        }
    }

    private static String prefix(Function<String, Optional<String>> settings) {
        return settings.apply("streamdingo.jms.prefix").map(String::trim).orElse("streamdingo");
    }

    private static Duration reconnectDelay(Function<String, Optional<String>> settings) {
        Optional<String> value =
                settings.apply("streamdingo.jms.reconnect-delay").map(String::trim);
        try {
            return value.map(Duration::parse).orElse(Duration.ofSeconds(1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("configuration key streamdingo.jms.reconnect-delay is '" + value.get()
                    + "'; it must be an ISO-8601 duration such as PT1S");
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
    }
}
