package io.streamdingo.api.streams;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method as a consumer of a subscription (ST-3), and, with {@link #stream()}, declares that
 * subscription too: no messaging code and no configuration in user code.
 *
 * <pre>{@code
 * @Subscribe(value = "account-activity", stream = "account")
 * void on(MoneyDeposited deposited) { ... }
 * }</pre>
 *
 * <h2>The subscription it serves</h2>
 *
 * With {@code stream} set, the annotation declares subscription {@link #value()} of that stream category in
 * {@link #mode()} (a consumer group by default), with {@link SubscriptionDefinition#of the defaults of a
 * subscription}; every {@code streamdingo.subscriptions.<name>.*} configuration key overrides its part of
 * that declaration, one key at a time (for example {@code .mode=BROADCAST} or {@code .retry.max-attempts=10}).
 * If no {@link StreamDefinition} bean and no {@code streamdingo.streams.<category>.*} key declares the stream,
 * the annotation declares it too: persistent, with {@link #semantics()} (at least once by default). A stream
 * declared elsewhere keeps its own semantics, and an annotation asking for other non-default semantics fails
 * the deployment. With {@code stream} empty, the subscription must be declared elsewhere (a
 * {@link SubscriptionDefinition} bean, or the {@code stream} and {@code mode} keys), and {@code mode} and
 * {@code semantics} are not read. Methods naming one subscription must agree on {@code stream}, {@code mode}
 * and {@code semantics}.
 *
 * <h2>The method</h2>
 *
 * It takes one parameter:
 *
 * <ul>
 *   <li>a {@link Delivery}: the method settles it ({@code ack}, {@code nack}, {@code markRead});
 *   <li>a {@link io.streamdingo.api.RecordedEvent}, or a registered event payload type: the delivery is
 *       acknowledged when the method returns and requeued when it throws (a dead letter once the retry
 *       policy's attempts run out).
 * </ul>
 *
 * <p>All methods of one application that name the same subscription form <em>one</em> consumer of it, on a
 * thread of its own (the server's managed thread factory when there is one), from application start to
 * shutdown. It calls every method whose parameter takes the event (a payload-typed method only the events of
 * its type; a {@code RecordedEvent} method every event), in the order the container found them, and settles
 * the delivery once: acknowledged when all returned, requeued when one threw. An event that no method takes
 * is acknowledged as deliberately ignored. A method that takes the {@code Delivery} settles it itself, so it
 * must be the subscription's only method, and a {@code READ_RECEIPT} subscription needs one (only it can mark
 * an event read); deployment fails otherwise, naming the methods. A payload type that is not a registered
 * event type fails the deployment too: the method could never be called.
 *
 * <p>The consumer is supervised: a failure around a delivery that is not the method's own (the database or
 * broker unreachable, a transaction that cannot commit) is retried with the same delivery after a back-off,
 * without counting against the event's retry policy, and is logged once per outage; its state shows in
 * {@link RunningConsumers}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Subscribe {

    /** The name of the subscription the method serves: letters, digits, {@code _ . -}, at most 100. */
    String value();

    /**
     * The stream category the subscription consumes; set, the annotation declares the subscription. Empty
     * (the default): it is declared elsewhere.
     */
    String stream() default "";

    /** How the subscription's events are shared among consumers, when the annotation declares it. */
    SubscriptionMode mode() default SubscriptionMode.CONSUMER_GROUP;

    /** The stream's delivery semantics, when the annotation declares the stream too. */
    DeliverySemantics semantics() default DeliverySemantics.AT_LEAST_ONCE;

    /**
     * The consumer id. Methods of one subscription that set it must agree. By default the bean class and
     * method name ({@code Class.method}), or for several methods their names joined by {@code +}, sorted; in
     * broadcast subscriptions the id keeps the consumer's own position.
     */
    String consumerId() default "";
}
