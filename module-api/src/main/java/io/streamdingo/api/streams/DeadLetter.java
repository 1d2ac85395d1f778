package io.streamdingo.api.streams;

import io.streamdingo.api.RecordedEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event a subscription gave up on (ST-4).
 *
 * @param subscription the subscription
 * @param event the event
 * @param attempts how many deliveries were made
 * @param reason why it was given up: attempts exhausted, nacked to dead letter, or unread
 * @param deadLetteredAt when
 */
public record DeadLetter(
        String subscription, RecordedEvent event, int attempts, String reason, Instant deadLetteredAt) {

    public DeadLetter {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }
}
