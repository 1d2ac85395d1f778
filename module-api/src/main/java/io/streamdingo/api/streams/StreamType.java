package io.streamdingo.api.streams;

/** Whether a stream's events are kept (ST-1). */
public enum StreamType {
    /** Queue semantics: a message is gone once consumed or expired; nothing is replayable. */
    EPHEMERAL,
    /** Events are kept in the event store and can be replayed; the default. */
    PERSISTENT
}
