package io.streamdingo.engine.types;

import io.streamdingo.api.Upcast;
import io.streamdingo.api.spi.Upcaster;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link Upcaster} backed by a static method annotated {@link Upcast} on the newer event class. The
 * method's signature is checked once, when the event store is built, so that a mistake fails at start-up
 * rather than on the first read of an old event.
 */
final class UpcastMethod<S> implements Upcaster<S> {

    private final Class<S> sourceType;
    private final Method method;

    private UpcastMethod(Class<S> sourceType, Method method) {
        this.sourceType = sourceType;
        this.method = method;
    }

    /**
     * The {@link Upcast} method declared on {@code newerType}, checked: static, one parameter that is the
     * previous version of the same type name, returning {@code newerType}.
     *
     * @throws IllegalArgumentException naming the method and the rule it breaks
     */
    static Optional<Upcaster<?>> declaredOn(Class<?> newerType, EventTypeRegistry registry) {
        List<Method> annotated = new ArrayList<>();
        for (Method method : newerType.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Upcast.class)) {
                annotated.add(method);
            }
        }
        if (annotated.isEmpty()) {
            return Optional.empty();
        }
        if (annotated.size() > 1) {
            throw new IllegalArgumentException(newerType.getName()
                    + " declares several @Upcast methods; an event class upcasts from exactly one previous version");
        }
        return Optional.of(checked(newerType, annotated.get(0), registry));
    }

    private static Upcaster<?> checked(Class<?> newerType, Method method, EventTypeRegistry registry) {
        String where = "@Upcast method " + newerType.getName() + "." + method.getName();
        if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1) {
            throw new IllegalArgumentException(where + " must be static and take exactly one parameter");
        }
        if (method.getReturnType() != newerType) {
            throw new IllegalArgumentException(where + " must return " + newerType.getSimpleName());
        }
        Class<?> source = method.getParameterTypes()[0];
        EventTypeKey target = EventTypeRegistry.keyOf(newerType);
        EventTypeKey from = registry.keyFor(source)
                .orElseThrow(() -> new IllegalArgumentException(
                        where + " takes " + source.getName() + ", which is not a registered event type; register it"));
        if (!from.name().equals(target.name()) || from.version() != target.version() - 1) {
            throw new IllegalArgumentException(where + " upcasts " + from + " to " + target
                    + "; an @Upcast method goes from version n to n+1 of the same type name");
        }
        // A public method of a public class in an exported package needs no opens; anything else does.
        if (!method.trySetAccessible() && !method.canAccess(null)) {
            throw new IllegalArgumentException(
                    where + " is not accessible: make it public or open its package to io.streamdingo.engine");
        }
        return new UpcastMethod<>(source, method);
    }

    @Override
    public Class<S> sourceType() {
        return sourceType;
    }

    @Override
    public java.util.Set<Class<?>> targetTypes() {
        return java.util.Set.of(method.getReturnType());
    }

    @Override
    public List<?> upcast(S event) {
        try {
            return List.of(method.invoke(null, event));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(this + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(this + " is not accessible", e);
        }
    }

    @Override
    public String toString() {
        return "@Upcast " + method.getDeclaringClass().getName() + "." + method.getName();
    }
}
