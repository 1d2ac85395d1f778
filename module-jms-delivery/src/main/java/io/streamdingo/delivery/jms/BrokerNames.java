package io.streamdingo.delivery.jms;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import java.util.regex.Pattern;

/**
 * The broker names of a topology (JMS-2): address {@code {prefix}.{stream}} per stream, queue
 * {@code {prefix}.{subscription}} per subscription, and for broadcast subscriptions
 * {@code {prefix}.{subscription}.{consumer}} per consumer. Names are checked so that none holds what
 * Artemis reads as syntax ({@code ::} of fully qualified queue names, the wildcards {@code #} and {@code *},
 * {@code ?} of address parameters).
 *
 * @param prefix a letter, then up to 49 letters, digits, {@code _ . -}
 */
public record BrokerNames(String prefix) {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,49}");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

    /** @throws IllegalArgumentException if the prefix breaks the rule above */
    public BrokerNames {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("address prefix '" + prefix
                    + "' is invalid: start with a letter, then up to 49 letters, digits, '_', '.' or '-'");
        }
    }

    /** The address (a JMS topic) that events of {@code category} are published to. */
    public String address(String category) {
        return prefix + "." + StreamId.requireValidCategory(category);
    }

    /**
     * The queue that holds {@code subscription}'s messages for {@code consumerKey}: the subscription's own
     * queue, or the consumer's for broadcast subscriptions.
     *
     * @throws IllegalArgumentException if the subscription name or the consumer key cannot be part of a name
     */
    public String queue(SubscriptionDefinition subscription, String consumerKey) {
        return subscription.mode() == SubscriptionMode.BROADCAST
                ? subscriptionQueue(subscription) + "." + part("consumer id", consumerKey)
                : subscriptionQueue(subscription);
    }

    /** The queue of {@code subscription}: the one its consumers share (all modes but broadcast). */
    public String subscriptionQueue(SubscriptionDefinition subscription) {
        return prefix + "." + part("subscription", subscription.name());
    }

    private static String part(String what, String name) {
        if (name == null || !PART.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + (name == null ? null : name.replaceAll("\\p{Cntrl}", "?"))
                    + "' cannot name a broker queue: use 1 to 200 letters, digits, '_', '.' or '-', starting"
                    + " with a letter or digit");
        }
        return name;
    }
}
