package io.streamdingo.api.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A dead letter as a {@link DeadLetterStore} keeps it: the event in its serialized form (as the subscription
 * received it), which consumer key of the subscription gave up on it, and why.
 *
 * @param id the dead letter's id
 * @param subscription the subscription
 * @param consumerKey the consumer key whose position it was taken from (the consumer id for broadcast
 *     subscriptions, the subscription name otherwise)
 * @param event the event, serialized
 * @param attempts how many deliveries were made
 * @param reason why it was given up (never the payload)
 * @param deadLetteredAt when
 */
public record StoredDeadLetter(
        UUID id,
        String subscription,
        String consumerKey,
        StoredEvent event,
        int attempts,
        String reason,
        Instant deadLetteredAt) {

    /** Checks the values. */
    public StoredDeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }
}
