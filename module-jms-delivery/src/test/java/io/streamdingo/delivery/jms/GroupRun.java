package io.streamdingo.delivery.jms;

import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import java.time.Duration;
import java.util.List;

/**
 * The names of one round of the consumer-group kill test, shared by the test and its member processes: an
 * exactly-once and an at-least-once stream, each with a subscription of the round's mode.
 *
 * @param name the round's name, unique per run
 * @param mode how the members share each subscription: a consumer group, or one exclusive consumer at a time
 */
record GroupRun(String name, SubscriptionMode mode) {

    /** A round of consumer groups. */
    GroupRun(String name) {
        this(name, SubscriptionMode.CONSUMER_GROUP);
    }

    String prefix() {
        return "grp" + name;
    }

    String exactlyStream() {
        return name + "_xo";
    }

    String atLeastStream() {
        return name + "_alo";
    }

    SubscriptionDefinition exactlyOnce() {
        return SubscriptionDefinition.of(name + "-ledger", exactlyStream(), mode)
                .withVisibilityTimeout(Duration.ofSeconds(10));
    }

    SubscriptionDefinition atLeastOnce() {
        return SubscriptionDefinition.of(name + "-audit", atLeastStream(), mode)
                .withVisibilityTimeout(Duration.ofSeconds(10));
    }

    Topology topology() {
        return Topology.of(
                List.of(
                        StreamDefinition.persistent(exactlyStream()).withSemantics(DeliverySemantics.EXACTLY_ONCE),
                        StreamDefinition.persistent(atLeastStream()).withSemantics(DeliverySemantics.AT_LEAST_ONCE)),
                List.of(exactlyOnce(), atLeastOnce()));
    }
}
