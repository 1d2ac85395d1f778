package io.streamdingo.api.streams;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared streams and subscriptions of an application, checked as a whole (ST-1): every subscription
 * consumes a declared stream, names are unique, and no combination contradicts itself. Built once at
 * start-up; an invalid topology fails there, naming the stream or subscription and the rule.
 */
public final class Topology {

    private final Map<String, StreamDefinition> streams;
    private final Map<String, SubscriptionDefinition> subscriptions;

    private Topology(Map<String, StreamDefinition> streams, Map<String, SubscriptionDefinition> subscriptions) {
        this.streams = Map.copyOf(streams);
        this.subscriptions = Map.copyOf(subscriptions);
    }

    /**
     * Checks and builds a topology.
     *
     * @throws IllegalArgumentException naming the first stream or subscription that breaks a rule
     */
    public static Topology of(Collection<StreamDefinition> streams, Collection<SubscriptionDefinition> subscriptions) {
        Map<String, StreamDefinition> byCategory = new LinkedHashMap<>();
        for (StreamDefinition stream : streams) {
            if (byCategory.putIfAbsent(stream.category(), stream) != null) {
                throw new IllegalArgumentException("stream " + stream.category() + " is declared twice");
            }
            checkStream(stream);
        }
        Map<String, SubscriptionDefinition> byName = new LinkedHashMap<>();
        for (SubscriptionDefinition subscription : subscriptions) {
            if (byName.putIfAbsent(subscription.name(), subscription) != null) {
                throw new IllegalArgumentException("subscription " + subscription.name() + " is declared twice");
            }
            StreamDefinition stream = byCategory.get(subscription.stream());
            if (stream == null) {
                throw new IllegalArgumentException("subscription " + subscription.name() + " consumes stream "
                        + subscription.stream() + ", which is not declared; declare it as a StreamDefinition");
            }
            checkSubscription(stream, subscription);
        }
        return new Topology(byCategory, byName);
    }

    /** A topology of these definitions; see {@link #of(Collection, Collection)}. */
    public static Topology of(List<StreamDefinition> streams, SubscriptionDefinition... subscriptions) {
        return of(streams, List.of(subscriptions));
    }

    private static void checkStream(StreamDefinition stream) {
        Retention retention = stream.retention();
        if (stream.type() == StreamType.EPHEMERAL && (retention.maxEvents() > 0 || retention.maxBytes() > 0)) {
            throw new IllegalArgumentException("stream " + stream.category()
                    + " is EPHEMERAL: its messages are not kept, so only a maximum age (expiry) applies, not"
                    + " count or size retention");
        }
    }

    private static void checkSubscription(StreamDefinition stream, SubscriptionDefinition subscription) {
        if (stream.type() == StreamType.EPHEMERAL && !(subscription.start() instanceof StartPosition.Latest)) {
            throw new IllegalArgumentException("stream " + stream.category() + " is EPHEMERAL: subscription "
                    + subscription.name() + " cannot replay it from " + subscription.start()
                    + "; ephemeral events are not kept, use StartPosition.latest()");
        }
        if (subscription.mode() == SubscriptionMode.READ_RECEIPT
                && stream.semantics() == DeliverySemantics.AT_MOST_ONCE) {
            throw new IllegalArgumentException("stream " + stream.category() + " is AT_MOST_ONCE: read-receipt"
                    + " subscription " + subscription.name() + " requeues unread events, which at-most-once forbids");
        }
    }

    /** The declared stream of {@code category}. */
    public Optional<StreamDefinition> stream(String category) {
        return Optional.ofNullable(streams.get(category));
    }

    /** The declared subscription named {@code name}. */
    public Optional<SubscriptionDefinition> subscription(String name) {
        return Optional.ofNullable(subscriptions.get(name));
    }

    /** Every declared stream. */
    public Collection<StreamDefinition> streams() {
        return streams.values();
    }

    /** Every declared subscription. */
    public Collection<SubscriptionDefinition> subscriptions() {
        return subscriptions.values();
    }
}
