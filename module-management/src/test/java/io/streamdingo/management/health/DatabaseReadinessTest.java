package io.streamdingo.management.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness follows the store: up with its head position while it answers, down with the reason when not. */
class DatabaseReadinessTest {

    @Test
    void aStoreThatAnswersIsReadyAndReportsItsHeadPosition() {
        try (EventStore store = EventStores.builder().register(ItemAdded.class).build()) {
            store.append(StreamId.of("orders", "o-1"), ExpectedVersion.noStream(), NewEvent.of(new ItemAdded("s", 1)));

            HealthCheckResponse response = new DatabaseReadiness(store).call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData().orElseThrow()).containsEntry("headPosition", 1L);
        }
    }

    @Test
    void aStoreThatCannotBeReadIsNotReadyAndSaysWhy() {
        EventStore store = EventStores.builder().register(ItemAdded.class).build();
        store.close();

        HealthCheckResponse response = new DatabaseReadiness(store).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(String.valueOf(response.getData().orElseThrow().get("reason")))
                .contains("StoreNotOpenException");
    }
}
