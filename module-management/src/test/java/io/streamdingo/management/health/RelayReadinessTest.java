package io.streamdingo.management.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay is alive while its position moves whenever events wait past it. */
class RelayReadinessTest {

    private static final Instant START = Instant.parse("2030-01-01T12:00:00Z");
    private final StoreEngine engine =
            EventStores.builder().register(ItemAdded.class).buildEngine();
    private final OffsetStore positions = EventStores.inMemoryOffsetStore();
    private final RelayReadiness check = new RelayReadiness(
            engine.store(),
            Topology.of(List.of(StreamDefinition.persistent("orders"))),
            positions,
            Duration.ofMinutes(2),
            at(START));

    @AfterEach
    void close() {
        engine.close();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private long append() {
        return engine.store()
                .append(StreamId.of("orders", "o-1"), ExpectedVersion.any(), NewEvent.of(new ItemAdded("s", 1)))
                .lastGlobalPosition();
    }

    private HealthCheckResponse callAt(Duration sinceStart) {
        check.clock = at(START.plus(sinceStart));
        return check.call();
    }

    @Test
    void eventsWaitingPastAPositionThatDoesNotMoveForLongerThanTheLimitAreAStalledRelay() {
        append();
        callAt(Duration.ZERO);

        HealthCheckResponse response = callAt(Duration.ofMinutes(3));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(String.valueOf(response.getData().orElseThrow().get("orders")))
                .isEqualTo("STALLED: position 0, events waiting, unchanged since " + START);
    }

    @Test
    void aPositionThatMovesKeepsTheRelayAlive() {
        append();
        callAt(Duration.ZERO);
        positions.save(OffsetStore.RELAY, "orders", append());

        HealthCheckResponse response = callAt(Duration.ofMinutes(3));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aRelayWithNothingToPublishIsAliveHoweverLongItsPositionStays() {
        positions.save(OffsetStore.RELAY, "orders", append());
        callAt(Duration.ZERO);

        HealthCheckResponse response = callAt(Duration.ofDays(1));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(String.valueOf(response.getData().orElseThrow().get("orders")))
                .contains("up to date");
    }

    @Test
    void withoutADeliveryModuleThereIsNoRelayToWaitFor() {
        append();
        RelayReadiness none = new RelayReadiness(
                engine.store(),
                Topology.of(List.of(StreamDefinition.persistent("orders"))),
                null,
                Duration.ofMinutes(2),
                at(START));

        HealthCheckResponse response = none.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsKey("relay");
    }
}
