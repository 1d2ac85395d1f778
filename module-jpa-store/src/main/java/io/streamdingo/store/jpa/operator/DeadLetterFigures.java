package io.streamdingo.store.jpa.operator;

import java.time.Instant;

/**
 * The dead letters of one subscription.
 *
 * @param subscription the subscription that gave up on them
 * @param count how many there are
 * @param oldest when the oldest was dead-lettered
 */
public record DeadLetterFigures(String subscription, long count, Instant oldest) {}
