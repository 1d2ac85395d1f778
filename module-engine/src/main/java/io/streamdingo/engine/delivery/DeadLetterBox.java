package io.streamdingo.engine.delivery;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.StoredDeadLetter;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.DeadLetter;
import io.streamdingo.engine.store.DefaultEventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One subscription position's view of the {@link DeadLetterStore}: turns the events it gives up on into
 * stored dead letters and reads them back as the subscription receives events. Stateless apart from its
 * settings; the store holds the letters.
 */
final class DeadLetterBox {

    /** The most dead letters listed or replayed at once. */
    static final int LIMIT = 10_000;

    private final DeadLetterStore store;
    private final DefaultEventStore codec;
    private final String subscription;
    private final String consumerKey;
    private final Map<String, Integer> receiveAs;

    DeadLetterBox(
            DeadLetterStore store,
            DefaultEventStore codec,
            String subscription,
            String consumerKey,
            Map<String, Integer> receiveAs) {
        this.store = store;
        this.codec = codec;
        this.subscription = subscription;
        this.consumerKey = consumerKey;
        this.receiveAs = receiveAs;
    }

    /** A new dead letter of {@code event}: what cannot be read is kept as it arrived, the rest re-serialized. */
    StoredDeadLetter letter(RecordedEvent event, int attempts, String reason, Instant now) {
        StoredEvent stored =
                event.payload() instanceof Undecodable undecodable ? undecodable.stored() : codec.storedForm(event);
        return new StoredDeadLetter(UUID.randomUUID(), subscription, consumerKey, stored, attempts, reason, now);
    }

    /** Keeps letters; called outside the subscription's monitor (the store may be a database). */
    void keep(List<StoredDeadLetter> letters) {
        letters.forEach(store::add);
    }

    /** Deletes letters whose replay was settled. */
    void forget(List<UUID> ids) {
        ids.forEach(id -> store.delete(subscription, id));
    }

    /** This position's letters, decoded (an event that still cannot be read comes back undecodable). */
    List<Letter> mine() {
        List<Letter> out = new ArrayList<>();
        for (StoredDeadLetter letter : store.list(subscription, LIMIT)) {
            if (letter.consumerKey().equals(consumerKey)) {
                for (RecordedEvent event : Undecodable.decode(codec, letter.event(), receiveAs)) {
                    out.add(new Letter(letter, event));
                }
            }
        }
        return out;
    }

    /** Every letter of the subscription, of any consumer key, as the api shows them. */
    static List<DeadLetter> all(
            DeadLetterStore store, DefaultEventStore codec, String subscription, Map<String, Integer> receiveAs) {
        List<DeadLetter> out = new ArrayList<>();
        for (StoredDeadLetter letter : store.list(subscription, LIMIT)) {
            for (RecordedEvent event : Undecodable.decode(codec, letter.event(), receiveAs)) {
                out.add(new DeadLetter(
                        letter.id(), subscription, event, letter.attempts(), letter.reason(), letter.deadLetteredAt()));
            }
        }
        return out;
    }

    /** A stored letter and its event as the subscription receives it. */
    record Letter(StoredDeadLetter stored, RecordedEvent event) {
        boolean readable() {
            return !(event.payload() instanceof Undecodable);
        }
    }
}
