package io.streamdingo.engine.cdi;

import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.RetentionTask;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the periodic maintenance from application start to shutdown (ST-7, ST-8): the retention task when a
 * declared persistent stream has a retention limit, every {@code streamdingo.retention.interval} (default
 * {@code PT1M}); and the processed-events TTL cleanup when {@code streamdingo.exactly-once.ttl} is set and a
 * processed-events table is deployed, every {@code streamdingo.exactly-once.cleanup-interval} (default
 * {@code PT1H}); and the dead-letter retention when a dead-letter store is deployed: letters older than
 * {@code streamdingo.dead-letters.retention} (default {@code P30D}) are deleted every
 * {@code streamdingo.dead-letters.cleanup-interval} (default {@code PT1H}). Uses the server's managed scheduled
 * executor when there is one.
 */
@ApplicationScoped
public class MaintenanceScheduler {

    private BackgroundExecutor scheduler;

    void start(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            StoreEngine engine,
            Topology topology,
            Instance<ProcessedEvents> processedEvents,
            Instance<DeadLetterStore> deadLetterStores) {
        Config config = ConfigProvider.getConfig();
        boolean retention =
                topology.streams().stream().map(StreamDefinition::retention).anyMatch(r -> !r.isUnlimited());
        Optional<Duration> ttl = duration(config, "streamdingo.exactly-once.ttl");
        boolean cleanup = ttl.isPresent() && processedEvents.isResolvable();
        boolean letters = deadLetterStores.isResolvable();
        if (!retention && !cleanup && !letters) {
            return;
        }
        scheduler = BackgroundExecutor.named("streamdingo-maintenance");
        if (letters) {
            DeadLetterStore store = deadLetterStores.get();
            Duration keep =
                    duration(config, "streamdingo.dead-letters.retention").orElse(Duration.ofDays(30));
            Duration every = duration(config, "streamdingo.dead-letters.cleanup-interval")
                    .orElse(Duration.ofHours(1));
            scheduler.schedule(
                    "StreamDingo's dead-letter retention",
                    () -> store.deleteBefore(Clock.systemUTC().instant().minus(keep)),
                    every);
        }
        if (retention) {
            RetentionTask task = EventStores.retention(engine, topology, Clock.systemUTC());
            Duration every = duration(config, "streamdingo.retention.interval").orElse(Duration.ofMinutes(1));
            scheduler.schedule("StreamDingo's retention task", task::run, every);
        }
        if (cleanup) {
            ProcessedEvents table = processedEvents.get();
            Duration every = duration(config, "streamdingo.exactly-once.cleanup-interval")
                    .orElse(Duration.ofHours(1));
            Duration keep = ttl.get();
            scheduler.schedule(
                    "StreamDingo's processed-events cleanup",
                    () -> table.deleteProcessedBefore(
                            Clock.systemUTC().instant().minus(keep)),
                    every);
        }
    }

    private static Optional<Duration> duration(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(value -> {
            try {
                return Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("configuration key " + key + " has the value '" + value
                        + "'; it must be an ISO-8601 duration such as PT1M");
            }
        });
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
