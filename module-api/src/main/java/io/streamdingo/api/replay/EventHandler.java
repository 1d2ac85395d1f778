package io.streamdingo.api.replay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a pure event handler {@code (state, event) -> newState} in a handler class of an
 * {@link AggregateType} (SN-1).
 *
 * <p>A handler method is static (or an instance method of a handler class with a public no-argument
 * constructor) and takes exactly two parameters, the state and the event. It either returns the new state
 * (immutable states, such as records) or returns {@code void} and changes the state it was given (mutable
 * states). It must depend on nothing but its arguments: no clock, no database, no injected beans.
 *
 * <p>Each handler has a fingerprint, a SHA-256 of its code and of the application methods it calls,
 * computed at compile time by StreamDingo's annotation processor or from the bytecode at run time (HS-1,
 * HS-2). Snapshots record the fingerprints of the handlers that built them, so a changed handler makes the
 * replay engine stop trusting them by itself (SN-2).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {}
