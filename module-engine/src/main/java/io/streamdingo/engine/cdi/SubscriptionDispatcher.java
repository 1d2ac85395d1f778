package io.streamdingo.engine.cdi;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.EngineObserver;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.NackAction;
import io.streamdingo.api.streams.StaleDeliveryException;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hands one subscription's deliveries to the application's {@code @Subscribe} methods of that subscription
 * and settles each delivery once, by their outcome.
 *
 * <p>A method's own exception requeues the delivery (the subscription's retry policy decides when it becomes
 * a dead letter). Any other exception (the processed-events transaction, the database, the broker) is not
 * the event's fault: it propagates unsettled, and the caller tries the same delivery again. A failure to
 * settle after the methods ran propagates as {@link SettlementFailed}: the delivery must not be tried again
 * (it counts as settled); a {@link io.streamdingo.api.streams.StaleDeliveryException} means another attempt
 * has the event.
 */
final class SubscriptionDispatcher {

    private static final System.Logger LOG = System.getLogger(SubscriptionDispatcher.class.getName());

    private final String subscription;
    private final List<ConsumerMethod> methods;
    private final @Nullable ProcessedEvents once;
    private final EngineObserver observer;
    private final EventTracing tracing;

    /**
     * @param once where exactly-once subscriptions record processed events; {@code null} for the others
     */
    SubscriptionDispatcher(String subscription, List<ConsumerMethod> methods, @Nullable ProcessedEvents once) {
        this(subscription, methods, once, EngineObserver.NONE, EventTracing.NONE);
    }

    SubscriptionDispatcher(
            String subscription,
            List<ConsumerMethod> methods,
            @Nullable ProcessedEvents once,
            EngineObserver observer,
            EventTracing tracing) {
        this.observer = observer;
        this.tracing = tracing;
        this.subscription = subscription;
        this.methods = List.copyOf(methods);
        this.once = once;
    }

    /** The outcome of one dispatch. */
    enum Outcome {
        /** The methods ran and the delivery was acknowledged (or a delivery-taking method settled it). */
        PROCESSED,
        /** Recorded as processed before (a redelivery under exactly-once): acknowledged without a call. */
        DUPLICATE,
        /** No method takes the event: acknowledged as deliberately ignored. */
        IGNORED,
        /** A method threw: requeued. */
        FAILED
    }

    /**
     * Dispatches {@code delivery}.
     *
     * @throws RuntimeException a failure that is not a method's: the delivery is not settled
     */
    Outcome dispatch(Delivery delivery) {
        RecordedEvent event = delivery.event();
        List<ConsumerMethod> takers =
                methods.stream().filter(m -> m.takes(event)).toList();
        if (takers.isEmpty()) {
            LOG.log(
                    Level.DEBUG,
                    "event {0} ({1}) of {2} has no @Subscribe method in subscription {3}: acknowledged as ignored",
                    event.eventId(),
                    event.eventType(),
                    event.streamId(),
                    subscription);
            settle(delivery::ack);
            return Outcome.IGNORED;
        }
        boolean settlesItself = takers.get(0).takesDelivery(); // then it is the only method (checked at start)
        try {
            boolean ran = once == null ? invokeAll(takers, delivery) : invokeOnce(once, takers, delivery);
            if (!settlesItself || !ran) {
                settle(delivery::ack); // a duplicate is acknowledged for a delivery-taking method too: it never sees it
            }
            if (!ran) {
                observer.duplicateSkipped(subscription);
            }
            return ran ? Outcome.PROCESSED : Outcome.DUPLICATE;
        } catch (InvocationTargetException e) {
            LOG.log(
                    Level.WARNING,
                    "consumer " + takers.get(0).name() + " of subscription " + subscription + " failed on event "
                            + event.eventId() + " of " + event.streamId() + " (correlation "
                            + event.metadata().correlationId() + ", attempt " + delivery.attempt()
                            + "); it is requeued",
                    e.getCause());
            if (!settlesItself) {
                settle(() -> delivery.nack(NackAction.REQUEUE));
            }
            return Outcome.FAILED;
        }
    }

    /**
     * Whether deliveries may be processed several per transaction: the subscription is exactly-once and no
     * method settles deliveries itself.
     */
    boolean batches() {
        return once != null && methods.stream().noneMatch(ConsumerMethod::takesDelivery);
    }

    /**
     * Dispatches {@code pending} together (see {@link #batches()}): the methods run for every event that some
     * method takes in one processed-events transaction, and each delivery is acknowledged after its commit. If
     * a method fails on one event, that transaction rolls back and each delivery is dispatched alone, so that
     * only the failing one is requeued. Each delivery leaves {@code pending} once settled; a delivery taken
     * over meanwhile leaves it too.
     *
     * @throws RuntimeException a failure that is not a method's: what is still in {@code pending} is unsettled
     * @throws SettlementFailed after every other delivery was settled, if settling one failed
     */
    void dispatchAll(List<Delivery> pending) {
        ProcessedEvents processed = java.util.Objects.requireNonNull(once, "batches are for exactly-once");
        java.util.Map<java.util.UUID, Delivery> taken = new java.util.LinkedHashMap<>();
        for (Delivery delivery : List.copyOf(pending)) {
            if (methods.stream().anyMatch(m -> m.takes(delivery.event()))) {
                taken.put(delivery.event().eventId(), delivery);
            } else {
                settleIn(pending, delivery, delivery::ack);
            }
        }
        try {
            List<java.util.UUID> ran = processed.processAll(subscription, List.copyOf(taken.keySet()), (tx, id) -> {
                Delivery delivery = taken.get(id);
                try {
                    invokeAll(
                            methods.stream()
                                    .filter(m -> m.takes(delivery.event()))
                                    .toList(),
                            delivery);
                } catch (InvocationTargetException e) {
                    throw new MethodFailed(e);
                }
            });
            for (int skipped = taken.size() - ran.size(); skipped > 0; skipped--) {
                observer.duplicateSkipped(subscription);
            }
        } catch (RuntimeException e) {
            if (!causedByMethod(e)) {
                throw e;
            }
            LOG.log(
                    Level.DEBUG,
                    "a method of subscription {0} failed inside a batch of {1}: each is dispatched alone",
                    subscription,
                    taken.size());
            SettlementFailed first = null;
            for (Delivery delivery : taken.values()) {
                try {
                    dispatch(delivery);
                    pending.remove(delivery);
                } catch (StaleDeliveryException stale) {
                    LOG.log(Level.INFO, "subscription {0}: {1}", subscription, stale.getMessage());
                    pending.remove(delivery);
                } catch (SettlementFailed failed) {
                    pending.remove(delivery);
                    first = first == null ? failed : first;
                }
            }
            if (first != null) {
                throw first;
            }
            return;
        }
        SettlementFailed first = null;
        for (Delivery delivery : taken.values()) {
            try {
                settleIn(pending, delivery, delivery::ack);
            } catch (SettlementFailed failed) {
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Settles {@code delivery} and takes it out of {@code pending}, whatever the outcome. */
    private void settleIn(List<Delivery> pending, Delivery delivery, Runnable settlement) {
        try {
            settle(settlement);
        } catch (StaleDeliveryException stale) {
            LOG.log(Level.INFO, "subscription {0}: {1}", subscription, stale.getMessage());
        } finally {
            pending.remove(delivery);
        }
    }

    private static boolean causedByMethod(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MethodFailed) {
                return true;
            }
        }
        return false;
    }

    private static void settle(Runnable settlement) {
        try {
            settlement.run();
        } catch (StaleDeliveryException stale) {
            throw stale;
        } catch (RuntimeException e) {
            throw new SettlementFailed(e);
        }
    }

    /** Acknowledging or requeueing failed after the methods' outcome was known: not to be dispatched again. */
    static final class SettlementFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SettlementFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private boolean invokeAll(List<ConsumerMethod> takers, Delivery delivery) throws InvocationTargetException {
        // current while the methods run: what they append joins the event's trace
        try (EventTracing.TraceSpan span = tracing.consuming(subscription, delivery.event())) {
            try {
                for (ConsumerMethod method : takers) {
                    method.invoke(delivery);
                }
            } catch (InvocationTargetException e) {
                span.failed(e.getCause() == null ? e : e.getCause());
                throw e;
            }
        }
        return true;
    }

    /**
     * Exactly once (ST-8): the methods run in the transaction that records the event as processed by this
     * subscription, so their database work and the record commit together, and a duplicate is skipped.
     *
     * @return whether the methods ran
     */
    private boolean invokeOnce(ProcessedEvents once, List<ConsumerMethod> takers, Delivery delivery)
            throws InvocationTargetException {
        try {
            return once.processOnce(subscription, delivery.event().eventId(), tx -> {
                try {
                    invokeAll(takers, delivery);
                } catch (InvocationTargetException e) {
                    throw new MethodFailed(e);
                }
            });
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MethodFailed failed) {
                    throw failed.failure;
                }
            }
            throw e;
        }
    }

    /** Carries a method's own failure through the processed-events transaction, which rolls back. */
    private static final class MethodFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient InvocationTargetException failure;

        MethodFailed(InvocationTargetException failure) {
            super(failure.getCause());
            this.failure = failure;
        }
    }
}
