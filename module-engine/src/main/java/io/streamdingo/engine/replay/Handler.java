package io.streamdingo.engine.replay;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

/**
 * One event handler, ready to call: {@code (state, event) -> newState}, or for a {@code void} handler
 * {@code (state, event) -> state} after it changed the state in place.
 *
 * @param method the handler method, for messages
 * @param invoker {@code (Object, Object) Object} for handlers returning the state, {@code (Object, Object) void}
 *     for mutating ones
 * @param mutates true for a {@code void} handler
 * @param fingerprint the hash of its code
 */
record Handler(Method method, MethodHandle invoker, boolean mutates, String fingerprint) {

    /** Applies the handler; a returned null fails, naming the handler. */
    Object apply(Object state, Object event) {
        Object next;
        try {
            if (mutates) {
                invoker.invokeExact(state, event);
                return state;
            }
            next = (Object) invoker.invokeExact(state, event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("event handler " + describe() + " failed", e);
        }
        if (next == null) {
            throw new IllegalStateException(
                    "event handler " + describe() + " returned null; a handler returns the new state (or is void"
                            + " and changes the state it is given)");
        }
        return next;
    }

    String describe() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
