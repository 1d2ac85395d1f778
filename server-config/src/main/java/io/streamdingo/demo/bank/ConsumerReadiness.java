package io.streamdingo.demo.bank;

import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.RunningConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the application's {@code @Subscribe} consumers: down while one cannot make progress (its
 * database or broker unreachable), with each consumer's state, failures in a row and last error as data.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    RunningConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("streamdingo-consumers").up();
        for (ConsumerStatus status : consumers.statuses()) {
            String state = status.state() == ConsumerStatus.State.FAILING
                    ? "FAILING since " + status.failingSince() + " (" + status.consecutiveFailures() + " failures): "
                            + status.lastError()
                    : status.state() + ", last progress " + status.lastProgress();
            response.withData(status.subscription(), state);
            if (status.state() == ConsumerStatus.State.FAILING) {
                response.down();
            }
        }
        return response.build();
    }
}
