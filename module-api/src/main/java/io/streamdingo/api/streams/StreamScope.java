package io.streamdingo.api.streams;

/** Who may consume a stream (ST-1). */
public enum StreamScope {
    /** Only this service; the default. */
    INTERNAL,
    /** Other services too, through the broker. */
    CROSS_SERVICE
}
