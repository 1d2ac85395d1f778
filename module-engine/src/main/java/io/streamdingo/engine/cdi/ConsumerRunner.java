package io.streamdingo.engine.cdi;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.Consumer;
import io.streamdingo.api.streams.Consumes;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.NackAction;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * Runs one consumer per {@link Consumes} method from application start to shutdown: it polls its
 * subscription and calls the method on the bean's contextual instance, settling the delivery by the
 * method's outcome unless the method takes the {@link Delivery} itself.
 */
@ApplicationScoped
public class ConsumerRunner {

    private static final System.Logger LOG = System.getLogger(ConsumerRunner.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<Thread> threads = new ArrayList<>();
    private final List<Consumer> consumers = new ArrayList<>();
    private volatile boolean running;

    void start(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            ConsumerMethods found,
            BeanManager beans,
            Subscriptions subscriptions,
            Topology topology,
            Instance<ProcessedEvents> processedEvents) {
        if (found.methods().isEmpty()) {
            return;
        }
        running = true;
        ThreadFactory threadFactory = threadFactory();
        for (Method method : found.methods()) {
            Consumes consumes = method.getAnnotation(Consumes.class);
            String consumerId = consumes.consumerId().isEmpty()
                    ? method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    : consumes.consumerId();
            Consumer consumer = subscriptions.subscribe(consumes.value(), consumerId);
            consumers.add(consumer);
            Object target = reference(beans, method.getDeclaringClass());
            method.trySetAccessible();
            ProcessedEvents once =
                    exactlyOnce(topology, consumes.value()) ? processed(processedEvents, consumes) : null;
            Thread thread = threadFactory.newThread(() -> consume(consumer, target, method, once));
            thread.setName("streamdingo-consumer-" + consumes.value() + "-" + consumerId);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
            LOG.log(Level.INFO, "consuming subscription {0} with {1}", consumes.value(), consumerId);
        }
    }

    /** The server's managed thread factory when there is one (context propagation); plain threads otherwise. */
    private static ThreadFactory threadFactory() {
        try {
            return (ThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            return Thread::new;
        }
    }

    private static Object reference(BeanManager beans, Class<?> type) {
        Bean<?> bean = beans.resolve(beans.getBeans(type));
        if (bean == null) {
            throw new IllegalStateException("@Consumes method of " + type.getName() + " is not on a CDI bean;"
                    + " give the class a bean-defining annotation such as @ApplicationScoped");
        }
        return beans.getReference(bean, type, beans.createCreationalContext(bean));
    }

    private static boolean exactlyOnce(Topology topology, String subscription) {
        return topology.subscription(subscription)
                .flatMap(s -> topology.stream(s.stream()))
                .map(stream -> stream.semantics() == DeliverySemantics.EXACTLY_ONCE)
                .orElse(false);
    }

    private static ProcessedEvents processed(Instance<ProcessedEvents> processedEvents, Consumes consumes) {
        if (!processedEvents.isResolvable()) {
            throw new IllegalStateException("subscription " + consumes.value() + " consumes an EXACTLY_ONCE stream,"
                    + " which needs a ProcessedEvents bean to record processed events in the consumer's transaction;"
                    + " deploy streamdingo-jpa-store (or produce one), or declare the stream AT_LEAST_ONCE");
        }
        return processedEvents.get();
    }

    private void consume(Consumer consumer, Object target, Method method, @Nullable ProcessedEvents once) {
        Class<?> parameter = method.getParameterTypes()[0];
        while (running) {
            Optional<Delivery> next;
            try {
                next = consumer.poll(POLL);
            } catch (IllegalStateException closed) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "polling for " + method.getName() + " failed; trying again", e);
                continue;
            }
            next.ifPresent(delivery -> dispatch(delivery, target, method, parameter, once));
        }
    }

    private static void dispatch(
            Delivery delivery, Object target, Method method, Class<?> parameter, @Nullable ProcessedEvents once) {
        RecordedEvent event = delivery.event();
        Object argument;
        if (parameter == Delivery.class) {
            argument = delivery;
        } else if (parameter == RecordedEvent.class) {
            argument = event;
        } else if (parameter.isInstance(event.payload())) {
            argument = event.payload();
        } else {
            delivery.ack(); // not for this method
            return;
        }
        try {
            if (once == null) {
                method.invoke(target, argument);
            } else if (!invokeOnce(once, delivery, target, method, argument) && argument == delivery) {
                delivery.ack(); // processed before a crash or redelivery: the method does not see it again
            }
            if (argument != delivery) {
                delivery.ack();
            }
        } catch (InvocationTargetException e) {
            LOG.log(
                    Level.WARNING,
                    "consumer " + method.getDeclaringClass().getName() + "." + method.getName() + " failed on event "
                            + event.eventId() + " of " + event.streamId() + " (attempt " + delivery.attempt()
                            + "); it is requeued",
                    e.getCause());
            if (argument != delivery) {
                delivery.nack(NackAction.REQUEUE);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "cannot call @Consumes method " + method.getName()
                            + "; make it public or open its package to io.streamdingo.engine",
                    e);
        }
    }

    /**
     * Exactly once (ST-8): the method runs in the transaction that records the event as processed by this
     * subscription, so its database work and the record commit together, and a duplicate is skipped.
     *
     * @return whether the method ran
     */
    private static boolean invokeOnce(
            ProcessedEvents once, Delivery delivery, Object target, Method method, Object argument)
            throws InvocationTargetException {
        try {
            return once.processOnce(delivery.subscription(), delivery.event().eventId(), tx -> {
                try {
                    method.invoke(target, argument);
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

    /** Carries the method's own failure through the processed-events transaction, which rolls back. */
    private static final class MethodFailed extends Exception {
        final InvocationTargetException failure;

        MethodFailed(InvocationTargetException failure) {
            super(failure.getCause());
            this.failure = failure;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(POLL.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumers.forEach(Consumer::close);
    }
}
