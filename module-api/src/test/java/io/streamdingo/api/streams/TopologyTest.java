package io.streamdingo.api.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ST-1: a topology that contradicts itself fails at start-up, naming the stream or subscription and the rule. */
class TopologyTest {

    @Test
    void aValidTopologyFindsItsStreamsAndSubscriptions() {
        Topology topology = Topology.of(
                List.of(StreamDefinition.persistent("orders")),
                SubscriptionDefinition.of("billing", "orders", SubscriptionMode.EXCLUSIVE));

        assertThat(topology.stream("orders")).isPresent();
        assertThat(topology.subscription("billing").map(SubscriptionDefinition::mode))
                .contains(SubscriptionMode.EXCLUSIVE);
    }

    @Test
    void aSubscriptionOfAnUndeclaredStreamIsRefused() {
        assertThatThrownBy(() -> Topology.of(
                        List.of(StreamDefinition.persistent("orders")),
                        SubscriptionDefinition.of("billing", "invoices", SubscriptionMode.EXCLUSIVE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billing")
                .hasMessageContaining("invoices")
                .hasMessageContaining("not declared");
    }

    @Test
    void replayingAnEphemeralStreamIsRefused() {
        assertThatThrownBy(() -> Topology.of(
                        List.of(StreamDefinition.ephemeral("pings")),
                        SubscriptionDefinition.of("monitor", "pings", SubscriptionMode.BROADCAST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream pings is EPHEMERAL")
                .hasMessageContaining("StartPosition.latest()");
    }

    @Test
    void anEphemeralStreamMayBeConsumedFromTheLatestPosition() {
        Topology topology = Topology.of(
                List.of(StreamDefinition.ephemeral("pings")),
                SubscriptionDefinition.of("monitor", "pings", SubscriptionMode.BROADCAST)
                        .startingAt(StartPosition.latest()));

        assertThat(topology.subscriptions()).hasSize(1);
    }

    @Test
    void countRetentionOnAnEphemeralStreamIsRefused() {
        assertThatThrownBy(() -> Topology.of(
                        List.of(StreamDefinition.ephemeral("pings")
                                .withRetention(Retention.unlimited().withMaxEvents(10))),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream pings is EPHEMERAL");
    }

    @Test
    void readReceiptsOnAnAtMostOnceStreamAreRefused() {
        assertThatThrownBy(() -> Topology.of(
                        List.of(StreamDefinition.persistent("inbox").withSemantics(DeliverySemantics.AT_MOST_ONCE)),
                        SubscriptionDefinition.of("reader", "inbox", SubscriptionMode.READ_RECEIPT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream inbox is AT_MOST_ONCE")
                .hasMessageContaining("reader");
    }

    @Test
    void aNameDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> Topology.of(
                        List.of(StreamDefinition.persistent("orders")),
                        SubscriptionDefinition.of("billing", "orders", SubscriptionMode.EXCLUSIVE),
                        SubscriptionDefinition.of("billing", "orders", SubscriptionMode.BROADCAST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subscription billing is declared twice");
    }

    @Test
    void aSubscriptionNameWithSpacesIsRefusedWithTheRule() {
        assertThatThrownBy(() -> SubscriptionDefinition.of("my billing", "orders", SubscriptionMode.EXCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits");
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        RetryPolicy retry = new RetryPolicy(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));

        assertThat(List.of(
                        retry.backoffBefore(2), retry.backoffBefore(3), retry.backoffBefore(4), retry.backoffBefore(5)))
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    @Test
    void aRetryPolicyWithoutAttemptsIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 attempt");
    }
}
