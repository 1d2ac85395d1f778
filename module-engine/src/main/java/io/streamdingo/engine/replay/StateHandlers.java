package io.streamdingo.engine.replay;

import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.hashing.HandlerFingerprint;
import io.streamdingo.hashing.HandlerFingerprints;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handlers of one {@link AggregateType}, checked and ready to call, with the fingerprint of each.
 *
 * <p>A handler is found by the event's class, or the nearest superclass or interface a handler takes; an
 * event with no handler leaves the state as it is.
 */
final class StateHandlers<S> {

    /** The contributor key under which the initial state's fingerprint is recorded in snapshots. */
    static final String INITIAL_STATE = "$initial";

    /** The fingerprint recorded for an event type that no handler applied. */
    static final String NO_HANDLER = "none";

    private final AggregateType<S> type;
    private final MethodHandle initial;
    private final String initialFingerprint;
    private final Map<Class<?>, Handler> declared;
    private final Map<Class<?>, Optional<Handler>> resolved = new ConcurrentHashMap<>();

    private StateHandlers(
            AggregateType<S> type, MethodHandle initial, String initialFingerprint, Map<Class<?>, Handler> declared) {
        this.type = type;
        this.initial = initial;
        this.initialFingerprint = initialFingerprint;
        this.declared = declared;
    }

    /**
     * Reads and checks the handler classes of {@code type}.
     *
     * @throws IllegalArgumentException naming the method and the rule it breaks
     */
    static <S> StateHandlers<S> of(AggregateType<S> type, HandlerFingerprints fingerprints) {
        Method initialMethod = null;
        Map<Class<?>, Handler> handlers = new HashMap<>();
        for (Class<?> handlerClass : type.handlerClasses()) {
            Object instance = null;
            for (Method method : handlerClass.getDeclaredMethods()) {
                if (method.isAnnotationPresent(InitialState.class)) {
                    checkInitial(type, method, initialMethod);
                    initialMethod = method;
                }
                if (method.isAnnotationPresent(EventHandler.class)) {
                    checkHandler(type, method);
                    Class<?> eventClass = method.getParameterTypes()[1];
                    if (!Modifier.isStatic(method.getModifiers()) && instance == null) {
                        instance = instantiate(type, handlerClass);
                    }
                    Handler handler = handler(type, method, instance, fingerprints.fingerprint(method));
                    Handler clash = handlers.put(eventClass, handler);
                    if (clash != null) {
                        throw invalid(
                                type,
                                method,
                                "another handler, " + clash.describe() + ", already handles " + eventClass.getName()
                                        + "; keep one handler per event class");
                    }
                }
            }
        }
        if (initialMethod == null) {
            throw new IllegalArgumentException("aggregate type " + type.category()
                    + " has no @InitialState method; add a static method without parameters returning a "
                    + type.stateType().getName() + " to one of its handler classes");
        }
        HandlerFingerprint initialFingerprint = fingerprints.fingerprint(initialMethod);
        return new StateHandlers<>(
                type,
                unreflect(type, initialMethod).asType(MethodType.methodType(Object.class)),
                initialFingerprint.hash(),
                Map.copyOf(handlers));
    }

    /** A fresh initial state. */
    S initialState() {
        Object state;
        try {
            state = (Object) initial.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the @InitialState method of " + type.category() + " failed", e);
        }
        if (state == null) {
            throw new IllegalStateException("the @InitialState method of " + type.category() + " returned null");
        }
        return type.stateType().cast(state);
    }

    String initialFingerprint() {
        return initialFingerprint;
    }

    /**
     * Fails naming the first handler whose event class no registered event class is (itself, a subclass or an
     * implementation): that handler could never run.
     *
     * @param hasEventsOf whether some registered event class is a given class
     */
    void requireRegisteredEventClasses(java.util.function.Predicate<Class<?>> hasEventsOf) {
        declared.forEach((eventClass, handler) -> {
            if (!hasEventsOf.test(eventClass)) {
                throw new IllegalArgumentException("aggregate type " + type.category() + ": event handler "
                        + handler.describe() + " takes " + eventClass.getName() + ", which is not a registered event"
                        + " type (nor a supertype of one): it would never run; annotate the class @EventType and"
                        + " compile with streamdingo-hashing on the processor path (or register it in an"
                        + " EventStoreCustomizer)");
            }
        });
    }

    /** The handler for events of {@code eventClass}, if any. */
    Optional<Handler> handlerFor(Class<?> eventClass) {
        return resolved.computeIfAbsent(eventClass, this::find);
    }

    /** The fingerprint that applies today to events of {@code eventClass}: its handler's, or {@link #NO_HANDLER}. */
    String fingerprintFor(Class<?> eventClass) {
        return handlerFor(eventClass).map(Handler::fingerprint).orElse(NO_HANDLER);
    }

    private Optional<Handler> find(Class<?> eventClass) {
        for (Class<?> c = eventClass; c != null; c = c.getSuperclass()) {
            Handler handler = declared.get(c);
            if (handler != null) {
                return Optional.of(handler);
            }
        }
        for (Map.Entry<Class<?>, Handler> entry : declared.entrySet()) {
            if (entry.getKey().isInterface() && entry.getKey().isAssignableFrom(eventClass)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static void checkInitial(AggregateType<?> type, Method method, Method earlier) {
        if (earlier != null) {
            throw invalid(
                    type,
                    method,
                    "there is already an @InitialState method, " + earlier.getName()
                            + "; an aggregate type has exactly one");
        }
        if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0) {
            throw invalid(type, method, "an @InitialState method is static and takes no parameters");
        }
        if (!type.stateType().isAssignableFrom(method.getReturnType())) {
            throw invalid(
                    type,
                    method,
                    "an @InitialState method returns the state, a "
                            + type.stateType().getName());
        }
    }

    private static void checkHandler(AggregateType<?> type, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length != 2 || !parameters[0].isAssignableFrom(type.stateType())) {
            throw invalid(
                    type,
                    method,
                    "an @EventHandler takes two parameters, the state (a "
                            + type.stateType().getName() + ") and the event");
        }
        Class<?> returned = method.getReturnType();
        if (returned != void.class && !type.stateType().isAssignableFrom(returned)) {
            throw invalid(
                    type,
                    method,
                    "an @EventHandler returns the new state (a "
                            + type.stateType().getName() + ") or is void and changes the state it is given");
        }
    }

    private static Handler handler(AggregateType<?> type, Method method, Object instance, HandlerFingerprint print) {
        MethodHandle handle = unreflect(type, method);
        if (!Modifier.isStatic(method.getModifiers())) {
            handle = handle.bindTo(instance);
        }
        boolean mutates = method.getReturnType() == void.class;
        MethodType shape = mutates
                ? MethodType.methodType(void.class, Object.class, Object.class)
                : MethodType.methodType(Object.class, Object.class, Object.class);
        return new Handler(method, handle.asType(shape), mutates, print.hash());
    }

    private static MethodHandle unreflect(AggregateType<?> type, Method method) {
        try {
            method.trySetAccessible();
            return MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException e) {
            throw invalid(
                    type,
                    method,
                    "it cannot be called from io.streamdingo.engine: make it public in an"
                            + " exported package or open its package to io.streamdingo.engine");
        }
    }

    private static Object instantiate(AggregateType<?> type, Class<?> handlerClass) {
        try {
            Constructor<?> constructor = handlerClass.getDeclaredConstructor();
            constructor.trySetAccessible();
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "aggregate type " + type.category() + ": handler class "
                            + handlerClass.getName() + " has instance handlers but cannot be created with a no-argument"
                            + " constructor; add one or make the handlers static",
                    e);
        }
    }

    private static IllegalArgumentException invalid(AggregateType<?> type, Method method, String rule) {
        return new IllegalArgumentException("aggregate type " + type.category() + ": handler "
                + method.getDeclaringClass().getName() + "." + method.getName() + " is invalid: " + rule);
    }
}
