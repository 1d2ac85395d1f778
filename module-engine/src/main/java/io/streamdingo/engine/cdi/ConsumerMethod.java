package io.streamdingo.engine.cdi;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.Delivery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One {@code @Subscribe} bean method and the bean instance it is called on.
 *
 * @param target the bean's contextual reference
 * @param method the annotated method, made accessible
 */
record ConsumerMethod(Object target, Method method) {

    /** {@code Class.method}, for messages and statuses. */
    String name() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    Class<?> parameter() {
        return method.getParameterTypes()[0];
    }

    /** Whether it settles deliveries itself. */
    boolean takesDelivery() {
        return parameter() == Delivery.class;
    }

    /** Whether it is called for {@code event}: a payload-typed method only for payloads of its type. */
    boolean takes(RecordedEvent event) {
        Class<?> parameter = parameter();
        return parameter == Delivery.class || parameter == RecordedEvent.class || parameter.isInstance(event.payload());
    }

    /** Calls it with what its parameter asks for. */
    void invoke(Delivery delivery) throws InvocationTargetException {
        Class<?> parameter = parameter();
        Object argument = parameter == Delivery.class
                ? delivery
                : parameter == RecordedEvent.class
                        ? delivery.event()
                        : delivery.event().payload();
        try {
            method.invoke(target, argument);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "cannot call @Subscribe method " + name()
                            + "; make it public or open its package to io.streamdingo.engine",
                    e);
        }
    }
}
