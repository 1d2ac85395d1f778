package io.streamdingo.management.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
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

/** A consumer is stalled when events wait for it and it has not moved for the configured time. */
class ConsumerLivenessTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StoreEngine engine =
            EventStores.builder().register(ItemAdded.class).buildEngine();
    private final Subscriptions subscriptions = EventStores.inMemorySubscriptions(
            engine,
            Topology.of(
                    List.of(StreamDefinition.persistent("orders")),
                    SubscriptionDefinition.of("billing", "orders", SubscriptionMode.CONSUMER_GROUP)),
            EventStores.inMemoryOffsetStore(),
            clock);

    @AfterEach
    void close() {
        subscriptions.close();
        engine.close();
    }

    /** {@code count} events the subscription's consumer has not taken yet. */
    private void eventsWaiting(int count) {
        subscriptions.subscribe("billing", "Billing.bill");
        for (int i = 0; i < count; i++) {
            engine.store()
                    .append(StreamId.of("orders", "o-" + i), ExpectedVersion.any(), NewEvent.of(new ItemAdded("s", 1)));
        }
    }

    private HealthCheckResponse checkWith(Instant lastProgress, ConsumerStatus.State state) {
        ConsumerStatus status = new ConsumerStatus(
                "billing", "Billing.bill", List.of("Billing.bill"), state, lastProgress, null, 0, null);
        return new ConsumerLiveness(() -> List.of(status), subscriptions, Duration.ofMinutes(5), clock).call();
    }

    @Test
    void aConsumerWithEventsWaitingAndNoProgressForLongerThanTheLimitIsStalled() {
        eventsWaiting(3);

        HealthCheckResponse response = checkWith(NOW.minus(Duration.ofMinutes(6)), ConsumerStatus.State.FAILING);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(String.valueOf(response.getData().orElseThrow().get("billing")))
                .startsWith("STALLED: lag 3")
                .contains("last progress " + NOW.minus(Duration.ofMinutes(6)));
    }

    @Test
    void aConsumerBehindButMovingIsAlive() {
        eventsWaiting(3);

        HealthCheckResponse response = checkWith(NOW.minus(Duration.ofMinutes(1)), ConsumerStatus.State.RUNNING);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(String.valueOf(response.getData().orElseThrow().get("billing")))
                .startsWith("lag 3");
    }

    @Test
    void anIdleConsumerWithNothingWaitingIsAliveHoweverLongAgoItLastMoved() {
        HealthCheckResponse response = checkWith(NOW.minus(Duration.ofDays(3)), ConsumerStatus.State.RUNNING);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aStalledAfterThatIsNotAPositiveDurationFailsNamingTheKey() {
        ConsumerLiveness check = new ConsumerLiveness(List::of, subscriptions, Duration.ofMinutes(5), clock);
        check.stalledAfter = "5 minutes";

        assertThatThrownBy(check::call)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamdingo.health.stalled-after");
    }
}
