package io.streamdingo.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an event class its stable type name and schema version (SE-1).
 *
 * <p>The name, not the Java class name, is what the store records, so a class can be renamed or moved
 * without breaking stored events. Several classes may share a name with different versions (for example
 * {@code OrderPlacedV1} and {@code OrderPlaced}, both named {@code OrderPlaced}); an {@link Upcast}
 * method or an upcaster turns each version into the next.
 *
 * <p>A class without this annotation is version 1 under its fully qualified class name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The stable type name: 1 to 200 characters, letters, digits, {@code . _ -} and {@code $}. */
    String name();

    /** The schema version, 1 or more. */
    int version() default 1;
}
