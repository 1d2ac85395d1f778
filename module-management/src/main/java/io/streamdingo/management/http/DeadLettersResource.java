package io.streamdingo.management.http;

import io.streamdingo.api.streams.DeadLetter;
import io.streamdingo.api.streams.Subscriptions;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code /subscriptions/{name}/dead-letters}: a subscription's dead letters, oldest first, with the event's
 * metadata (its payload only when an admin asks for it), replayed into the subscription or deleted.
 */
final class DeadLettersResource {

    private final Subscriptions subscriptions;

    DeadLettersResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** {@code GET .../dead-letters}: a page, by id after the cursor, oldest first. */
    Paging.Page<Letter> list(String subscription, Paging paging) {
        UUID after = paging.after() == null ? null : id(paging.after(), "after");
        var letters = subscriptions.deadLetters(subscription).stream();
        if (after != null) {
            letters = letters.dropWhile(letter -> !letter.id().equals(after)).skip(1);
        }
        return paging.page(letters.map(letter -> Letter.of(letter, false)), letter -> letter.id()
                .toString());
    }

    /** {@code GET .../dead-letters/{id}}, with the payload when {@code withPayload}. */
    Letter one(String subscription, String id, boolean withPayload) {
        return Letter.of(find(subscription, id(id, "id")), withPayload);
    }

    /** {@code POST .../dead-letters/{id}/replay}: delivers it again. */
    void replay(String subscription, String id) {
        UUID letter = id(id, "id");
        find(subscription, letter);
        if (!subscriptions.replayDeadLetter(subscription, letter)) {
            throw ApiProblem.conflict("dead letter " + letter + " of subscription " + subscription + " cannot be"
                    + " replayed from this server: no consumer of the subscription runs here; replay it from a"
                    + " server that runs one");
        }
    }

    /** {@code POST .../dead-letters/replay}: delivers them all again; how many. */
    Replayed replayAll(String subscription) {
        return new Replayed(subscriptions.replayDeadLetters(subscription));
    }

    /** {@code DELETE .../dead-letters/{id}}. */
    void delete(String subscription, String id) {
        UUID letter = id(id, "id");
        if (!subscriptions.deleteDeadLetter(subscription, letter)) {
            throw ApiProblem.notFound("subscription " + subscription + " holds no dead letter " + letter);
        }
    }

    private DeadLetter find(String subscription, UUID id) {
        return subscriptions.deadLetters(subscription).stream()
                .filter(letter -> letter.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("subscription " + subscription + " holds no dead letter " + id));
    }

    private static UUID id(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput(field, field + " must be a dead letter's id, a UUID; got '" + text + "'");
        }
    }

    /** How many dead letters were delivered again. */
    record Replayed(int replayed) {}

    /**
     * A dead letter: why and when it was set aside, and its event.
     *
     * @param attempts how many deliveries failed
     */
    record Letter(UUID id, String subscription, int attempts, String reason, Instant deadLetteredAt, EventView event) {
        static Letter of(DeadLetter letter, boolean withPayload) {
            return new Letter(
                    letter.id(),
                    letter.subscription(),
                    letter.attempts(),
                    letter.reason(),
                    letter.deadLetteredAt(),
                    EventView.of(letter.event(), withPayload));
        }
    }
}
