package io.streamdingo.engine.store;

import java.time.Clock;

/**
 * The engine's tunables for one event store.
 *
 * @param clock the source of event timestamps and session expiry
 * @param pageSize how many events a lazy read fetches with its first backend call
 * @param maxPageSize the most events one backend call fetches as pages grow
 * @param nodeName names this process in session ids, so a {@code StreamLockedException} says who holds a
 *     stream
 */
public record StoreSettings(Clock clock, int pageSize, int maxPageSize, String nodeName) {}
