package io.streamdingo.api;

/** The order in which a stream read returns its events. */
public enum ReadDirection {
    /** Oldest first, by ascending stream version. */
    FORWARDS,
    /** Newest first, by descending stream version. */
    BACKWARDS
}
