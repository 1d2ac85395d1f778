package io.streamdingo.engine.cdi;

import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.api.streams.SubscriptionDefinition;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions, and their streams, that {@link Subscribe} annotations with a {@code stream} declare: the
 * defaults that configuration keys override. Methods naming one subscription must agree on stream, mode and
 * semantics, and subscriptions of one stream on its semantics; a disagreement fails naming the methods.
 *
 * @param streams one persistent stream per category, with the annotations' semantics
 * @param subscriptions one subscription per name, with the defaults of {@link SubscriptionDefinition#of}
 */
record AnnotatedDeclarations(List<StreamDefinition> streams, List<SubscriptionDefinition> subscriptions) {

    static AnnotatedDeclarations of(List<Method> methods) {
        Map<String, Method> bySubscription = new LinkedHashMap<>();
        Map<String, Method> byStream = new LinkedHashMap<>();
        Map<String, SubscriptionDefinition> subscriptions = new LinkedHashMap<>();
        Map<String, StreamDefinition> streams = new LinkedHashMap<>();
        for (Method method : methods) {
            Subscribe annotation = method.getAnnotation(Subscribe.class);
            if (annotation.stream().isEmpty()) {
                continue;
            }
            Method first = bySubscription.putIfAbsent(annotation.value(), method);
            if (first != null) {
                Subscribe other = first.getAnnotation(Subscribe.class);
                if (!other.stream().equals(annotation.stream())
                        || other.mode() != annotation.mode()
                        || other.semantics() != annotation.semantics()) {
                    throw new IllegalArgumentException("@Subscribe(\"" + annotation.value() + "\") on "
                            + name(first) + " and " + name(method) + " declares the subscription differently (stream,"
                            + " mode or semantics); give the attributes on one method only, or the same on both");
                }
                continue;
            }
            Method sameStream = byStream.putIfAbsent(annotation.stream(), method);
            if (sameStream != null && sameStream.getAnnotation(Subscribe.class).semantics() != annotation.semantics()) {
                throw new IllegalArgumentException("@Subscribe on " + name(sameStream) + " and " + name(method)
                        + " ask for different semantics of stream " + annotation.stream() + "; a stream has one:"
                        + " make them agree, or set streamdingo.streams." + annotation.stream() + ".semantics");
            }
            try {
                subscriptions.put(
                        annotation.value(),
                        SubscriptionDefinition.of(annotation.value(), annotation.stream(), annotation.mode()));
                streams.putIfAbsent(
                        annotation.stream(),
                        StreamDefinition.persistent(annotation.stream()).withSemantics(annotation.semantics()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@Subscribe on " + name(method) + ": " + e.getMessage(), e);
            }
        }
        return new AnnotatedDeclarations(new ArrayList<>(streams.values()), new ArrayList<>(subscriptions.values()));
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
