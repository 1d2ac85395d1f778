package io.streamdingo.management.health;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StoreUnavailableException;
import io.streamdingo.api.StreamDingoException;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.Topology;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;
import org.jspecify.annotations.Nullable;

/**
 * Readiness: the outbox relay is alive — for every category it publishes, its position (shared by all the
 * application's servers: whichever holds the lease moves it) has moved within
 * {@code streamdingo.health.relay-stalled-after} (default 2 minutes) whenever events were waiting past it.
 * Up when no delivery module is deployed (there is no relay), and while a category is up to date. The data
 * holds each category's relay position and since when it has not moved.
 */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {

    static final String NAME = "streamdingo-relay";

    /** A relay position and when this check first saw it. */
    private record Seen(long position, Instant since) {}

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    @Inject
    EventStore store;

    @Inject
    Topology topology;

    @Inject
    Instance<EventPublisher> publishers;

    @Inject
    Instance<OffsetStore> offsetStores;

    @Inject
    @ConfigProperty(name = "streamdingo.health.relay-stalled-after", defaultValue = "PT2M")
    String stalledAfter;

    Clock clock = Clock.systemUTC();

    /** Where the relay keeps its positions; empty when there is no relay (no delivery module deployed). */
    private Optional<OffsetStore> relayPositions = Optional.empty();

    /** For the container. */
    RelayReadiness() {}

    /** A check of the relay of {@code topology} over {@code store}, or of no relay when {@code positions} is null. */
    RelayReadiness(
            EventStore store, Topology topology, @Nullable OffsetStore positions, Duration stalledAfter, Clock clock) {
        this.store = store;
        this.topology = topology;
        this.relayPositions = Optional.ofNullable(positions);
        this.stalledAfter = stalledAfter.toString();
        this.clock = clock;
    }

    /** A relay runs when a delivery module provides a publisher; its positions are in the offset store. */
    @PostConstruct
    void findTheRelay() {
        relayPositions = publishers.isResolvable() && offsetStores.isResolvable()
                ? Optional.of(offsetStores.get())
                : Optional.empty();
    }

    @Override
    public HealthCheckResponse call() {
        Optional<OffsetStore> positions = relayPositions;
        if (positions.isEmpty()) {
            return new HealthCheckResponse(
                    NAME, Status.UP, Optional.of(Map.of("relay", "none: no delivery module is deployed")));
        }
        Duration limit = Durations.positive("streamdingo.health.relay-stalled-after", stalledAfter);
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        Status status = Status.UP;
        try {
            for (StreamDefinition stream : topology.streams()) {
                if (stream.type() != StreamType.PERSISTENT || stream.scope() == StreamScope.EXTERNAL) {
                    continue;
                }
                String category = stream.category();
                long position =
                        positions.get().load(OffsetStore.RELAY, category).orElse(0);
                Seen at = seen.compute(
                        category,
                        (key, earlier) ->
                                earlier != null && earlier.position() == position ? earlier : new Seen(position, now));
                boolean waiting = eventsAfter(category, position);
                boolean stalled = waiting && at.since().plus(limit).isBefore(now);
                data.put(
                        category,
                        (stalled ? "STALLED: " : "") + "position " + position
                                + (waiting ? ", events waiting" : ", up to date") + ", unchanged since "
                                + at.since());
                if (stalled) {
                    status = Status.DOWN;
                }
            }
        } catch (StoreUnavailableException e) {
            data.put("reason", e.getClass().getSimpleName() + ": " + e.getMessage());
            status = Status.DOWN;
        }
        return new HealthCheckResponse(NAME, status, Optional.of(data));
    }

    /** Whether the category holds an event past {@code position}: work for the relay. */
    private boolean eventsAfter(String category, long position) {
        try (Stream<RecordedEvent> events = store.readCategory(category, position)) {
            return events.findFirst().isPresent();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (StreamDingoException e) {
            // an event there that cannot be decoded is still an event for the relay to publish
            return true;
        }
    }
}
