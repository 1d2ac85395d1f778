package io.streamdingo.api.streams;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method as a consumer of a declared subscription (ST-3): no messaging code in user code.
 * The method takes one parameter:
 *
 * <ul>
 *   <li>a {@link Delivery}: the method settles it ({@code ack}, {@code nack}, {@code markRead});
 *   <li>a {@link io.streamdingo.api.RecordedEvent}, or an event payload type: the delivery is acknowledged
 *       when the method returns and requeued when it throws (a dead letter once the retry policy's attempts
 *       run out). With a payload type, events of other types are acknowledged without calling the method.
 * </ul>
 *
 * <p>Each annotated method gets one consumer, polling from its own thread (the server's managed thread
 * factory when there is one) from application start to shutdown.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Consumes {

    /** The name of the subscription the method serves. */
    String value();

    /**
     * The consumer id; by default the bean class and method name, which keeps one position per method in
     * broadcast subscriptions.
     */
    String consumerId() default "";
}
