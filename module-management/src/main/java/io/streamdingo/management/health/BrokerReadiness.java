package io.streamdingo.management.health;

import io.streamdingo.api.spi.DeliveryTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: every subscription queue of the deployed delivery transport is connected to the broker (they
 * reconnect by themselves; until they have, the server is not ready). Without a transport, subscriptions
 * read the store and there is no broker to wait for: up, saying so.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final String NAME = "streamdingo-broker";

    @Inject
    Instance<DeliveryTransport> transports;

    @Override
    public HealthCheckResponse call() {
        if (!transports.isResolvable()) {
            return new HealthCheckResponse(
                    NAME, Status.UP, Optional.of(Map.of("transport", "none: subscriptions read the event store")));
        }
        return of(transports.get());
    }

    /** The answer for {@code transport}. */
    static HealthCheckResponse of(DeliveryTransport transport) {
        boolean connected = transport.connected();
        return new HealthCheckResponse(
                NAME,
                connected ? Status.UP : Status.DOWN,
                Optional.of(Map.of("subscriptionQueues", connected ? "connected" : "reconnecting")));
    }
}
