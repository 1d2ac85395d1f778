package io.streamdingo.api.streams;

/** What to do with a delivery its consumer could not process (ST-4). */
public enum NackAction {
    /** Deliver it again after the retry policy's backoff, until the maximum number of attempts. */
    REQUEUE,
    /** Give up on it now: move it to the subscription's dead letters. */
    DEAD_LETTER
}
