package io.streamdingo.api.spi;

import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a delivery module's transport and publisher from configuration, so that plain Java finds a deployed
 * delivery module without code naming it ({@link java.util.ServiceLoader}; a module declares
 * {@code provides io.streamdingo.api.spi.DeliveryTransportProvider with …}). In a Jakarta EE server the
 * module's CDI beans are used instead.
 */
public interface DeliveryTransportProvider {

    /** What the provider delivers through, for messages ("Jakarta Messaging"). */
    String name();

    /**
     * The transport that {@code settings} configure for this provider, or empty when they do not mention it.
     *
     * @param settings a configuration key's value, if set
     * @throws IllegalArgumentException if the settings configure it wrongly, naming the key and what to do
     */
    Optional<DeliveryTransport> transport(Function<String, Optional<String>> settings);

    /**
     * The publisher for the outbox relay to the same broker, or empty when {@code settings} do not mention it.
     *
     * @param settings a configuration key's value, if set
     * @throws IllegalArgumentException as {@link #transport(Function)}
     */
    Optional<EventPublisher> publisher(Function<String, Optional<String>> settings);
}
