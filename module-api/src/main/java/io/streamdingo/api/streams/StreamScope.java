package io.streamdingo.api.streams;

/** Who may consume a stream, and where its events come from (ST-1, JMS-3). */
public enum StreamScope {
    /** Only this service; the default. */
    INTERNAL,
    /** This service's stream, which other services consume too, through the broker. */
    CROSS_SERVICE,
    /**
     * Another service's {@code CROSS_SERVICE} stream, consumed here: its events are not in this service's
     * event store and arrive only through the broker (positions are the other service's global positions);
     * this service neither relays nor retains it, and needs a broker delivery to receive it.
     */
    EXTERNAL
}
