package io.streamdingo.engine.cdi;

import io.streamdingo.api.streams.Subscribe;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDI extension that finds the bean methods annotated with {@link Subscribe} while the container scans
 * the application; {@link ConsumerRunner} starts their consumers once the application is up.
 */
public class ConsumerMethods implements Extension {

    private final List<Method> methods = new ArrayList<>();

    <T> void collect(@Observes @WithAnnotations(Subscribe.class) ProcessAnnotatedType<T> type) {
        for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
            if (method.isAnnotationPresent(Subscribe.class)) {
                Method javaMethod = method.getJavaMember();
                if (javaMethod.getParameterCount() != 1) {
                    throw new IllegalArgumentException("@Subscribe method "
                            + javaMethod.getDeclaringClass().getName()
                            + "." + javaMethod.getName() + " must take exactly one parameter: a Delivery, a"
                            + " RecordedEvent or an event payload type");
                }
                methods.add(javaMethod);
            }
        }
    }

    /** The consumer methods found, in discovery order. */
    List<Method> methods() {
        return List.copyOf(methods);
    }
}
