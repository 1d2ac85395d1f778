package io.streamdingo.api.streams;

/** What a consumer may see of one event, whatever fails (ST-1). */
public enum DeliverySemantics {
    /** Delivered once or not at all: the position moves on before processing; never redelivered. */
    AT_MOST_ONCE,
    /** Delivered until acknowledged: redelivered after a nack, a crash or a visibility timeout; the default. */
    AT_LEAST_ONCE,
    /** Processed once: at-least-once delivery plus a processed-events record in the consumer's transaction. */
    EXACTLY_ONCE
}
