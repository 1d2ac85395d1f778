package io.streamdingo.management.health;

import io.streamdingo.api.streams.ConsumerPosition;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.RunningConsumers;
import io.streamdingo.api.streams.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: no {@code @Subscribe} consumer is stalled — has events waiting (lag above 0) and has made no
 * progress for {@code streamdingo.health.stalled-after} (default 5 minutes). A consumer that keeps failing
 * on the same delivery, or whose thread stopped, is stalled; one that is merely behind but moving is not,
 * nor is an idle one. The data holds each subscription's lag and last progress.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    static final String NAME = "streamdingo-consumers";

    @Inject
    RunningConsumers consumers;

    @Inject
    Subscriptions subscriptions;

    @Inject
    @ConfigProperty(name = "streamdingo.health.stalled-after", defaultValue = "PT5M")
    String stalledAfter;

    Clock clock = Clock.systemUTC();

    /** For the container. */
    ConsumerLiveness() {}

    /** A check of {@code consumers}, their lag read from {@code subscriptions}. */
    ConsumerLiveness(RunningConsumers consumers, Subscriptions subscriptions, Duration stalledAfter, Clock clock) {
        this.consumers = consumers;
        this.subscriptions = subscriptions;
        this.stalledAfter = stalledAfter.toString();
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Duration limit = Durations.positive("streamdingo.health.stalled-after", stalledAfter);
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        Status status = Status.UP;
        for (ConsumerStatus consumer : consumers.statuses()) {
            long lag = subscriptions.positions(consumer.subscription()).stream()
                    .mapToLong(ConsumerPosition::lag)
                    .max()
                    .orElse(0);
            boolean stalled = lag > 0 && consumer.lastProgress().plus(limit).isBefore(now);
            data.put(
                    consumer.subscription(),
                    (stalled ? "STALLED: " : "") + "lag " + lag + ", " + consumer.state() + ", last progress "
                            + consumer.lastProgress()
                            + (consumer.lastError() == null ? "" : ", last error " + consumer.lastError()));
            if (stalled) {
                status = Status.DOWN;
            }
        }
        return new HealthCheckResponse(NAME, status, Optional.of(data));
    }
}
