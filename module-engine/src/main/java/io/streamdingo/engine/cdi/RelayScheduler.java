package io.streamdingo.engine.cdi;

import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the outbox relay (JMS-1) from application start to shutdown when a delivery module provides an
 * {@link EventPublisher} bean and persistent streams are declared: right after every append committed in this
 * process, and every {@code streamdingo.relay.interval} (default {@code PT1S}) for appends of other processes,
 * it publishes what was appended since; a failure (broker down) is logged and the same events are published
 * on a later run. Positions are kept in the deployed {@link OffsetStore} bean. One server at a time relays a
 * category, holding a lease in the store for {@code streamdingo.relay.lease-timeout} (default {@code PT30S})
 * after each renewal: when that server dies, another takes over within that time.
 */
@ApplicationScoped
public class RelayScheduler {

    /** Events per broker round trip: the relay's default. */
    private static final int RELAY_BATCH = 500;

    private BackgroundExecutor scheduler;
    private OutboxRelay relay;

    void start(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            Instance<EventPublisher> publishers,
            Instance<OffsetStore> offsetStores,
            StoreEngine engine,
            Topology topology) {
        boolean persistent = topology.streams().stream().anyMatch(s -> s.type() == StreamType.PERSISTENT);
        if (!publishers.isResolvable() || !persistent) {
            return;
        }
        OffsetStore offsets = offsetStores.isResolvable() ? offsetStores.get() : EventStores.inMemoryOffsetStore();
        relay = EventStores.outboxRelay(
                engine,
                topology,
                publishers.get(),
                offsets,
                RELAY_BATCH,
                duration("streamdingo.relay.lease-timeout", "PT30S"));
        Duration every = duration("streamdingo.relay.interval", "PT1S");
        scheduler = BackgroundExecutor.named("streamdingo-relay");
        relay.wakeOnAppend(scheduler.scheduleWithWakeUp("the outbox relay", relay::publishPending, every));
    }

    private static Duration duration(String key, String defaultValue) {
        String value =
                ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(defaultValue);
        Duration parsed;
        try {
            parsed = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("configuration key " + key + " has the value '" + value
                    + "'; it must be an ISO-8601 duration such as " + defaultValue);
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("configuration key " + key + " has the value '" + value
                    + "'; it must be a positive duration such as " + defaultValue);
        }
        return parsed;
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
            relay.stop();
        }
    }
}
