package io.streamdingo.api.streams;

/** How a subscription's events are shared among its consumers (ST-2). */
public enum SubscriptionMode {
    /** Every consumer gets every event, each at its own position. */
    BROADCAST,
    /** One consumer at a time gets the events; another takes over when it leaves or dies. */
    EXCLUSIVE,
    /**
     * The events are load-balanced across the group's members; each stream's events go to one member at a
     * time, in order, and streams move to other members when one leaves or dies.
     */
    CONSUMER_GROUP,
    /** Like {@link #CONSUMER_GROUP}, and a delivery is also marked read, with an unread timeout. */
    READ_RECEIPT
}
