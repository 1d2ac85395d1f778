package io.streamdingo.api.streams;

import io.streamdingo.api.RecordedEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event a subscription gave up on (ST-4), kept by the application's dead-letter store until it is replayed,
 * deleted, or older than the dead-letter retention.
 *
 * @param id the dead letter's own id, to replay or delete it
 * @param subscription the subscription
 * @param event the event
 * @param attempts how many deliveries were made
 * @param reason why it was given up: attempts exhausted, nacked to dead letter, or unread
 * @param deadLetteredAt when
 */
public record DeadLetter(
        UUID id, String subscription, RecordedEvent event, int attempts, String reason, Instant deadLetteredAt) {

    /** Checks the values. */
    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }
}
