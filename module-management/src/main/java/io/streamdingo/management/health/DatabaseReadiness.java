package io.streamdingo.management.health;

import io.streamdingo.api.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the event store's database answers. It reads the store's head position (one query); the data
 * holds it, or the reason the database could not be reached (never an event's content).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "streamdingo-database";

    @Inject
    EventStore store;

    /** For the container. */
    DatabaseReadiness() {}

    /** A check of {@code store}. */
    DatabaseReadiness(EventStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long head = store.headPosition();
            return new HealthCheckResponse(NAME, Status.UP, Optional.of(Map.of("headPosition", head)));
        } catch (RuntimeException e) {
            return new HealthCheckResponse(
                    NAME,
                    Status.DOWN,
                    Optional.of(Map.of("reason", e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
    }
}
