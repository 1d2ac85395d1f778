package io.streamdingo.engine.delivery;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.NackAction;
import java.util.Objects;

/** One attempt at one event for one consumer; settled once. */
final class InMemoryDelivery implements Delivery {

    private final SubscriptionState state;
    private final PendingEvent pending;
    private final int attempt;
    private final String consumerId;
    private final boolean settledOnDelivery;
    private boolean settled;

    InMemoryDelivery(
            SubscriptionState state, PendingEvent pending, int attempt, String consumerId, boolean settledOnDelivery) {
        this.state = state;
        this.pending = pending;
        this.attempt = attempt;
        this.consumerId = consumerId;
        this.settledOnDelivery = settledOnDelivery;
    }

    @Override
    public RecordedEvent event() {
        return pending.event;
    }

    @Override
    public String subscription() {
        return state.subscriptionName();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    String consumerId() {
        return consumerId;
    }

    PendingEvent pending() {
        return pending;
    }

    @Override
    public synchronized void ack() {
        markSettled();
        if (!settledOnDelivery) {
            state.ack(this);
        }
    }

    @Override
    public synchronized void nack(NackAction action) {
        Objects.requireNonNull(action, "action must not be null");
        markSettled();
        if (settledOnDelivery) {
            state.nackSettled(this, action);
        } else {
            state.nack(this, action);
        }
    }

    @Override
    public void markRead() {
        state.markRead(this);
    }

    private void markSettled() {
        if (settled) {
            throw new IllegalStateException("delivery of event " + pending.event.eventId() + " was already settled");
        }
        settled = true;
    }
}
