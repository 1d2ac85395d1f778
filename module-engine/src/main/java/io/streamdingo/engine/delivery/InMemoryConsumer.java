package io.streamdingo.engine.delivery;

import io.streamdingo.api.streams.ConsumerClosedException;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** A pulling consumer of the in-memory delivery. */
final class InMemoryConsumer implements EventConsumer {

    /**
     * How often a waiting poll looks again when nothing in this JVM woke it: the bound on how late it sees an
     * append by another process. A look reads the source (about one query) only when woken or when the
     * subscription has not read for {@link SubscriptionState#IDLE_READS}.
     */
    static final Duration IDLE_RECHECK = SubscriptionState.IDLE_READS;

    private final SubscriptionState state;
    private final String consumerId;
    private final BooleanSupplier open;
    private volatile boolean closed;

    InMemoryConsumer(SubscriptionState state, String consumerId, BooleanSupplier open) {
        this.state = state;
        this.consumerId = consumerId;
        this.open = open;
    }

    @Override
    public String consumerId() {
        return consumerId;
    }

    @Override
    public Optional<Delivery> poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout must not be null; use Duration.ZERO not to wait");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (closed || !open.getAsBoolean()) {
                throw new ConsumerClosedException("consumer " + consumerId + " of subscription "
                        + state.subscriptionName() + " is closed; subscribe again to consume");
            }
            long seen = state.wakeup().version();
            Optional<InMemoryDelivery> delivery = state.next(consumerId);
            if (delivery.isPresent()) {
                return Optional.of(delivery.get());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                state.wakeup().await(seen, Math.min(left, IDLE_RECHECK.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            state.leave(consumerId);
        }
    }
}
