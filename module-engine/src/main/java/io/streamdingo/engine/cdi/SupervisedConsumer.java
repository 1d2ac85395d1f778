package io.streamdingo.engine.cdi;

import io.streamdingo.api.streams.Consumer;
import io.streamdingo.api.streams.ConsumerClosedException;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.StaleDeliveryException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The loop that keeps one subscription's consumer going from application start to shutdown: it polls,
 * dispatches, and survives every failure but the end of the application.
 *
 * <p>Failures that are not a method's own (the database or broker unreachable, a transaction that cannot
 * commit, a poll that fails) are an outage: the loop backs off (0.1 s doubling to 30 s, with jitter), tries
 * the same delivery again (it stays this consumer's), logs the first failure at WARNING with its cause and
 * the recovery at INFO — once per outage, not once per attempt — and shows {@link ConsumerStatus.State#FAILING}
 * meanwhile. Only {@link ConsumerClosedException} (the subscriptions were closed) or {@link #stop()} ends it.
 */
final class SupervisedConsumer implements Runnable {

    private static final System.Logger LOG = System.getLogger(SupervisedConsumer.class.getName());
    static final Duration POLL = Duration.ofMillis(200);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));

    private final String subscription;
    private final Consumer consumer;
    private final SubscriptionDispatcher dispatcher;
    private final List<String> methods;
    private final Clock clock;
    private final Object sleep = new Object();

    private volatile boolean running = true;
    private ConsumerStatus.State state = ConsumerStatus.State.RUNNING;
    private Instant lastProgress;
    private @Nullable Instant failingSince;
    private int failures;
    private @Nullable String lastError;

    SupervisedConsumer(
            String subscription,
            Consumer consumer,
            SubscriptionDispatcher dispatcher,
            List<String> methods,
            Clock clock) {
        this.subscription = subscription;
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.methods = List.copyOf(methods);
        this.clock = clock;
        this.lastProgress = clock.instant();
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
                } else {
                    dispatchUntilSettled(next.get());
                }
            }
        } finally {
            synchronized (this) {
                state = ConsumerStatus.State.STOPPED;
            }
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

    private void succeeded() {
        Instant now = clock.instant();
        int recoveredFrom;
        Instant since;
        synchronized (this) {
            lastProgress = now;
            recoveredFrom = failures;
            since = failingSince;
            failures = 0;
            failingSince = null;
            state = running ? ConsumerStatus.State.RUNNING : ConsumerStatus.State.STOPPED;
        }
        if (recoveredFrom > 0) {
            LOG.log(
                    Level.INFO,
                    "consumer {0} of subscription {1} makes progress again after {2} failed attempts over {3}",
                    consumer.consumerId(),
                    subscription,
                    recoveredFrom,
                    Duration.between(since, now));
        }
    }

    private void failed(Throwable error) {
        int count;
        synchronized (this) {
            count = ++failures;
            if (count == 1) {
                failingSince = clock.instant();
            }
            state = ConsumerStatus.State.FAILING;
            lastError = error.getClass().getName() + ": " + error.getMessage();
        }
        if (count == 1) {
            LOG.log(
                    Level.WARNING,
                    "consumer " + consumer.consumerId() + " of subscription " + subscription + " cannot make"
                            + " progress; it retries with a back-off of up to "
                            + BACKOFF.max().toSeconds()
                            + " s and logs again when it recovers",
                    error);
        } else {
            LOG.log(
                    Level.DEBUG,
                    "consumer {0} of subscription {1} failed again ({2} in a row): {3}",
                    consumer.consumerId(),
                    subscription,
                    count,
                    error.toString());
        }
        pause(BACKOFF.after(count));
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

    synchronized ConsumerStatus status() {
        return new ConsumerStatus(
                subscription, consumer.consumerId(), methods, state, lastProgress, failingSince, failures, lastError);
    }

    Consumer consumer() {
        return consumer;
    }
}
