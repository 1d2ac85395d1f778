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
 * @param observer told what the store and the parts built on it do (metrics); never throws
 * @param tracing traces appends, publications and deliveries; never throws
 */
public record StoreSettings(
        Clock clock,
        int pageSize,
        int maxPageSize,
        String nodeName,
        io.streamdingo.api.spi.EngineObserver observer,
        io.streamdingo.api.spi.EventTracing tracing) {

    /** Settings that trace nothing. */
    public StoreSettings(
            Clock clock,
            int pageSize,
            int maxPageSize,
            String nodeName,
            io.streamdingo.api.spi.EngineObserver observer) {
        this(clock, pageSize, maxPageSize, nodeName, observer, io.streamdingo.api.spi.EventTracing.NONE);
    }
}
