package io.streamdingo.engine.cdi;

import io.streamdingo.api.streams.ConsumerClosedException;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StaleDeliveryException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The loop that keeps one subscription's consumer going from application start to shutdown: it polls,
 * dispatches, and survives every failure but the end of the application.
 *
 * <p>Failures that are not a method's own (the database or broker unreachable, a transaction that cannot
 * commit, a poll that fails) are an outage: the loop backs off (0.1 s doubling to 30 s, with jitter), tries
 * the same delivery again (it stays this consumer's), logs the first failure at WARNING with its cause and
 * the recovery at INFO — once per outage, not once per attempt ({@link OutageLog}) — and shows {@link ConsumerStatus.State#FAILING}
 * meanwhile. Only {@link ConsumerClosedException} (the subscriptions were closed) or {@link #stop()} ends it.
 */
final class SupervisedConsumer implements Runnable {

    private static final System.Logger LOG = System.getLogger(SupervisedConsumer.class.getName());
    static final Duration POLL = Duration.ofMillis(200);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));

    private final String subscription;
    private final EventConsumer consumer;
    private final SubscriptionDispatcher dispatcher;
    private final List<String> methods;
    private final int batchSize;
    private final Clock clock;
    private final Object sleep = new Object();

    private final OutageLog outage;

    private volatile boolean running = true;
    private volatile boolean stopped;
    private volatile Instant lastProgress;

    SupervisedConsumer(
            String subscription,
            EventConsumer consumer,
            SubscriptionDispatcher dispatcher,
            List<String> methods,
            int batchSize,
            Clock clock) {
        this.subscription = subscription;
        this.batchSize = batchSize;
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.methods = List.copyOf(methods);
        this.clock = clock;
        this.lastProgress = clock.instant();
        this.outage =
                new OutageLog(LOG, "consumer " + consumer.consumerId() + " of subscription " + subscription, clock);
    }

    @Override
    public void run() {
        try {
            while (running) {
                Optional<Delivery> next;
                try {
                    next = consumer.poll(POLL);
                } catch (ConsumerClosedException closed) {
                    if (running) {
                        LOG.log(
                                Level.WARNING,
                                "consumer {0} of subscription {1} was closed while the application" + " runs; it stops",
                                consumer.consumerId(),
                                subscription);
                    }
                    return;
                } catch (RuntimeException | LinkageError e) {
                    failed(e);
                    continue;
                }
                if (next.isEmpty()) {
                    succeeded();
                } else if (batchSize > 1) {
                    dispatchAllUntilSettled(withWhatIsWaiting(next.get()));
                } else {
                    dispatchUntilSettled(next.get());
                }
            }
        } finally {
            stopped = true;
        }
    }

    /** Dispatches {@code delivery}, trying again after an outage until it is settled or the consumer stops. */
    private void dispatchUntilSettled(Delivery delivery) {
        while (running) {
            try {
                dispatcher.dispatch(delivery);
                succeeded();
                return;
            } catch (StaleDeliveryException stale) {
                LOG.log(
                        Level.INFO,
                        "consumer {0} of subscription {1}: {2}",
                        consumer.consumerId(),
                        subscription,
                        stale.getMessage());
                succeeded();
                return;
            } catch (SubscriptionDispatcher.SettlementFailed e) {
                failed(e.getCause());
                return; // the outcome was decided; the delivery must not run again
            } catch (ConsumerClosedException closed) {
                throw closed;
            } catch (RuntimeException | LinkageError e) {
                failed(e); // not the event's fault: the same delivery again after the back-off
            }
        }
    }

    /** {@code first} and the deliveries already waiting behind it, up to the batch size; never waits for more. */
    private List<Delivery> withWhatIsWaiting(Delivery first) {
        List<Delivery> batch = new java.util.ArrayList<>(batchSize);
        batch.add(first);
        while (batch.size() < batchSize) {
            Optional<Delivery> more;
            try {
                more = consumer.poll(Duration.ZERO);
            } catch (RuntimeException e) {
                break; // the next poll meets it again
            }
            if (more.isEmpty()) {
                break;
            }
            batch.add(more.get());
        }
        return batch;
    }

    /** Dispatches {@code batch} in one transaction, trying what is unsettled again after an outage. */
    private void dispatchAllUntilSettled(List<Delivery> batch) {
        List<Delivery> pending = new java.util.ArrayList<>(batch);
        while (running && !pending.isEmpty()) {
            try {
                if (pending.size() == 1) {
                    dispatchUntilSettled(pending.remove(0));
                    return;
                }
                dispatcher.dispatchAll(pending);
                succeeded();
            } catch (SubscriptionDispatcher.SettlementFailed e) {
                failed(e.getCause());
                return; // the outcomes were decided; those deliveries must not run again
            } catch (ConsumerClosedException closed) {
                throw closed;
            } catch (RuntimeException | LinkageError e) {
                failed(e); // not the events' fault: what is unsettled again after the back-off
            }
        }
    }

    private void succeeded() {
        lastProgress = clock.instant();
        outage.succeeded();
    }

    private void failed(Throwable error) {
        pause(BACKOFF.after(outage.failed(error, BACKOFF.max())));
    }

    private void pause(Duration wait) {
        synchronized (sleep) {
            long until = System.nanoTime() + wait.toNanos();
            long left;
            while (running && (left = until - System.nanoTime()) > 0) {
                try {
                    sleep.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /** Ends the loop after the current poll or delivery; a back-off in progress ends at once. */
    void stop() {
        running = false;
        synchronized (sleep) {
            sleep.notifyAll();
        }
    }

    ConsumerStatus status() {
        int failures = outage.failures();
        ConsumerStatus.State state = stopped
                ? ConsumerStatus.State.STOPPED
                : failures > 0 ? ConsumerStatus.State.FAILING : ConsumerStatus.State.RUNNING;
        return new ConsumerStatus(
                subscription,
                consumer.consumerId(),
                methods,
                state,
                lastProgress,
                outage.since(),
                failures,
                outage.lastError());
    }

    EventConsumer consumer() {
        return consumer;
    }
}
