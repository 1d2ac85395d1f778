package io.streamdingo.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method on an event class that upcasts the previous schema version to this one (SE-2).
 *
 * <p>The method takes exactly one parameter, the event class of version {@code n} of the same type name,
 * and returns an instance of this class (version {@code n + 1}). The engine applies such methods on every
 * read, hop by hop, so a stored V1 event reaches the application as the newest version:
 *
 * <pre>{@code
 * @EventType(name = "AccountOpened", version = 2)
 * record AccountOpened(String owner, String currency) {
 *     @Upcast
 *     static AccountOpened from(AccountOpenedV1 old) {
 *         return new AccountOpened(old.owner(), "EUR");
 *     }
 * }
 * }</pre>
 *
 * <p>To split an event into several or to drop it, register an {@link io.streamdingo.api.spi.Upcaster}
 * instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Upcast {}
