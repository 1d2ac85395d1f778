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
 *       run out).
 * </ul>
 *
 * <p>All methods of one application that name the same subscription form <em>one</em> consumer of it, on a
 * thread of its own (the server's managed thread factory when there is one), from application start to
 * shutdown. It calls every method whose parameter takes the event (a payload-typed method only the events of
 * its type; a {@code RecordedEvent} method every event), in the order the container found them, and settles
 * the delivery once: acknowledged when all returned, requeued when one threw. An event that no method takes
 * is acknowledged as deliberately ignored. A method that takes the {@code Delivery} settles it itself, so it
 * must be the subscription's only method, and a {@code READ_RECEIPT} subscription needs one (only it can mark
 * an event read); deployment fails otherwise, naming the methods.
 *
 * <p>The consumer is supervised: a failure around a delivery that is not the method's own (the database or
 * broker unreachable, a transaction that cannot commit) is retried with the same delivery after a back-off,
 * without counting against the event's retry policy, and is logged once per outage; its state shows in
 * {@link RunningConsumers}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Consumes {

    /** The name of the subscription the method serves. */
    String value();

    /**
     * The consumer id. Methods of one subscription that set it must agree. By default the bean class and
     * method name ({@code Class.method}), or for several methods their names joined by {@code +}, sorted; in
     * broadcast subscriptions the id keeps the consumer's own position.
     */
    String consumerId() default "";
}
