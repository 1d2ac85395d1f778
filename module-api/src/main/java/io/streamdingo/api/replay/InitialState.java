package io.streamdingo.api.replay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static, parameterless method of a handler class that returns the state of an aggregate before
 * its first event. Exactly one per {@link AggregateType}; it is fingerprinted like an {@link EventHandler},
 * so changing it invalidates every snapshot.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InitialState {}
