package io.streamdingo.engine.cdi;

import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.RunningConsumers;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.StoreEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * Runs the application's {@link Subscribe} methods from application start to shutdown: one supervised
 * consumer per subscription, dispatching each delivery to the methods that take its event (see
 * {@link Subscribe} for the rules). Its statuses are the {@link RunningConsumers} bean.
 */
@ApplicationScoped
public class ConsumerRunner implements RunningConsumers {

    private static final System.Logger LOG = System.getLogger(ConsumerRunner.class.getName());

    private final List<Thread> threads = new ArrayList<>();
    /** Read by health checks while the consumers start: a copy-on-write list. */
    private final List<SupervisedConsumer> consumers = new java.util.concurrent.CopyOnWriteArrayList<>();

    void start(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            Instance<ConsumerMethods> extension,
            BeanManager beans,
            Subscriptions subscriptions,
            Topology topology,
            StoreEngine engine,
            Instance<ProcessedEvents> processedEvents) {
        if (!extension.isResolvable()) {
            requireNoSubscribeMethods(beans);
            return;
        }
        Map<String, List<Method>> bySubscription = new LinkedHashMap<>();
        for (Method method : extension.get().methods()) {
            bySubscription
                    .computeIfAbsent(method.getAnnotation(Subscribe.class).value(), s -> new ArrayList<>())
                    .add(method);
        }
        if (bySubscription.isEmpty()) {
            return;
        }
        // every subscription checked before any consumer starts: a deployment that fails leaves nothing running
        bySubscription.forEach((subscription, methods) -> check(subscription, methods, topology, engine));
        ThreadFactory threadFactory = threadFactory();
        for (Map.Entry<String, List<Method>> entry : bySubscription.entrySet()) {
            String subscription = entry.getKey();
            List<ConsumerMethod> methods = entry.getValue().stream()
                    .map(method -> {
                        method.trySetAccessible();
                        return new ConsumerMethod(reference(beans, method.getDeclaringClass()), method);
                    })
                    .toList();
            ProcessedEvents once =
                    exactlyOnce(topology, subscription) ? processed(processedEvents, subscription) : null;
            String consumerId = consumerId(entry.getValue());
            EventConsumer consumer = subscriptions.subscribe(subscription, consumerId);
            SubscriptionDispatcher dispatcher =
                    new SubscriptionDispatcher(subscription, methods, once, engine.observer(), engine.tracing());
            SupervisedConsumer supervised = new SupervisedConsumer(
                    subscription,
                    consumer,
                    dispatcher,
                    methods.stream().map(ConsumerMethod::name).toList(),
                    batchSize(subscription, dispatcher),
                    Clock.systemUTC());
            consumers.add(supervised);
            Thread thread = threadFactory.newThread(supervised);
            thread.setName("streamdingo-consumer-" + subscription + "-" + consumerId);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
            LOG.log(
                    Level.INFO,
                    "consuming subscription {0} as {1} with {2}",
                    subscription,
                    consumerId,
                    supervised.status().methods());
        }
    }

    /**
     * Without the extension that collects them, {@code @Subscribe} methods would silently never run (on the
     * module path a named module's {@code META-INF/services} are not read): the deployment fails instead.
     */
    private static void requireNoSubscribeMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                if (method.isAnnotationPresent(Subscribe.class)) {
                    throw new IllegalStateException("@Subscribe method " + names(List.of(method)) + " cannot run:"
                            + " the CDI extension " + ConsumerMethods.class.getName() + " that finds such methods is"
                            + " not registered with the container (on the module path a named module's"
                            + " META-INF/services are not read); register it, for example"
                            + " new Weld().addExtension(new ConsumerMethods()), or put streamdingo-engine on the class"
                            + " path");
                }
            }
        }
    }

    /** Fails the deployment when the methods of one subscription cannot serve it together. */
    private static void check(String subscription, List<Method> methods, Topology topology, StoreEngine engine) {
        SubscriptionDefinition definition = topology.subscription(subscription)
                .orElseThrow(() -> new IllegalArgumentException("@Subscribe(\"" + subscription + "\") on "
                        + names(methods) + " names a subscription that is not declared; declare it in the"
                        + " configuration (streamdingo.subscriptions." + subscription + ".stream) or the topology"));
        for (Method method : methods) {
            Class<?> parameter = method.getParameterTypes()[0];
            if (parameter != io.streamdingo.api.streams.Delivery.class
                    && parameter != io.streamdingo.api.RecordedEvent.class
                    && !engine.hasEventsOf(parameter)) {
                throw new IllegalArgumentException("@Subscribe method " + names(List.of(method)) + " takes a "
                        + parameter.getName() + ", which is not a registered event type: it would never be called;"
                        + " annotate the class @EventType and compile with streamdingo-hashing on the processor"
                        + " path (or register it in an EventStoreCustomizer), or take a RecordedEvent");
            }
        }
        List<Method> settling = methods.stream()
                .filter(m -> m.getParameterTypes()[0] == io.streamdingo.api.streams.Delivery.class)
                .toList();
        if (!settling.isEmpty() && methods.size() > 1) {
            throw new IllegalArgumentException("subscription " + subscription + " has several @Subscribe methods ("
                    + names(methods) + "), and " + names(settling) + " takes the Delivery to settle it itself: it"
                    + " must be the subscription's only method; give the others a subscription of their own, or take"
                    + " a payload type or RecordedEvent in all of them");
        }
        if (definition.mode() == SubscriptionMode.READ_RECEIPT && settling.isEmpty()) {
            throw new IllegalArgumentException("subscription " + subscription + " uses read receipts, and "
                    + names(methods) + " cannot mark an event read; take the Delivery as the parameter and call"
                    + " markRead() when the event was read");
        }
        List<String> ids = methods.stream()
                .map(m -> m.getAnnotation(Subscribe.class).consumerId())
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
        if (ids.size() > 1) {
            throw new IllegalArgumentException("the @Subscribe methods of subscription " + subscription + " ("
                    + names(methods) + ") name different consumer ids " + ids + "; they are one consumer: give them"
                    + " the same id, or set it on one of them only");
        }
    }

    private static String consumerId(List<Method> methods) {
        return methods.stream()
                .map(m -> m.getAnnotation(Subscribe.class).consumerId())
                .filter(id -> !id.isEmpty())
                .findFirst()
                .orElseGet(() -> methods.stream()
                        .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .collect(Collectors.joining("+")));
    }

    private static String names(List<Method> methods) {
        return methods.stream()
                .map(m -> m.getDeclaringClass().getName() + "." + m.getName())
                .collect(Collectors.joining(", "));
    }

    /** The server's managed thread factory when there is one (context propagation); plain threads otherwise. */
    private static ThreadFactory threadFactory() {
        try {
            return (ThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            LOG.log(
                    Level.INFO,
                    "no managed thread factory at java:comp/DefaultManagedThreadFactory ({0}):"
                            + " consumers run on threads of their own, without the server''s context",
                    e.toString());
            return Thread::new;
        }
    }

    private static Object reference(BeanManager beans, Class<?> type) {
        Bean<?> bean = beans.resolve(beans.getBeans(type));
        if (bean == null) {
            throw new IllegalStateException("@Subscribe method of " + type.getName() + " is not on a CDI bean;"
                    + " give the class a bean-defining annotation such as @ApplicationScoped");
        }
        return beans.getReference(bean, type, beans.createCreationalContext(bean));
    }

    /**
     * How many waiting deliveries one transaction may process ({@code streamdingo.subscriptions.<name>.batch-size},
     * default 1): only for exactly-once subscriptions whose methods take events, not deliveries.
     */
    private static int batchSize(String subscription, SubscriptionDispatcher dispatcher) {
        String key = "streamdingo.subscriptions." + subscription + ".batch-size";
        int size = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(key, Integer.class)
                .orElse(1);
        if (size < 1) {
            throw new IllegalArgumentException("configuration key " + key + " is " + size
                    + "; it must be at least 1 (1: one event per transaction)");
        }
        if (size > 1 && !dispatcher.batches()) {
            throw new IllegalArgumentException("configuration key " + key + " is " + size + ", but subscription "
                    + subscription + " cannot commit several events per transaction: only an EXACTLY_ONCE stream's"
                    + " subscription whose @Subscribe methods take events (not the Delivery) can; remove the key");
        }
        return size;
    }

    private static boolean exactlyOnce(Topology topology, String subscription) {
        return topology.subscription(subscription)
                .flatMap(s -> topology.stream(s.stream()))
                .map(stream -> stream.semantics() == DeliverySemantics.EXACTLY_ONCE)
                .orElse(false);
    }

    private static @Nullable ProcessedEvents processed(Instance<ProcessedEvents> processedEvents, String subscription) {
        if (!processedEvents.isResolvable()) {
            throw new IllegalStateException("subscription " + subscription + " consumes an EXACTLY_ONCE stream,"
                    + " which needs a ProcessedEvents bean to record processed events in the consumer's transaction;"
                    + " deploy streamdingo-jpa-store (or produce one), or declare the stream AT_LEAST_ONCE");
        }
        return processedEvents.get();
    }

    @Override
    public List<ConsumerStatus> statuses() {
        return consumers.stream().map(SupervisedConsumer::status).toList();
    }

    @PreDestroy
    void stop() {
        consumers.forEach(SupervisedConsumer::stop);
        for (Thread thread : threads) {
            try {
                thread.join(SupervisedConsumer.POLL.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumers.forEach(supervised -> supervised.consumer().close());
    }
}
