package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.DeadLetterStore;
import io.streamdingo.api.spi.StoredDeadLetter;
import io.streamdingo.api.spi.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DeadLetterStore} (ST-4): what is added is listed, oldest first, with the event
 * exactly as given (payload bytes, metadata, headers); a letter can be deleted once; the retention deletes by
 * age. Extend it and return the store under test; every store passes it unchanged.
 */
public abstract class DeadLetterStoreContract {

    private DeadLetterStore store;
    private final String subscription =
            "letters-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** The store under test, new for every test. */
    protected abstract DeadLetterStore newDeadLetterStore();

    @BeforeEach
    final void openStore() {
        store = newDeadLetterStore();
    }

    private StoredDeadLetter letter(String subscription, String payload, Instant at) {
        StoredEvent event = new StoredEvent(
                UUID.randomUUID(),
                StreamId.of("orders", "o-1"),
                3,
                42,
                "tck.ItemAdded",
                2,
                at.minusSeconds(5),
                new EventMetadata("corr-1", "cause-1", "ann", "acme", "o-1", Map.of("source", "web")),
                payload.getBytes(StandardCharsets.UTF_8),
                "ab".repeat(32));
        return new StoredDeadLetter(UUID.randomUUID(), subscription, "c-1", event, 4, "nacked by c-1", at);
    }

    @Test
    void anAddedLetterIsListedWithItsEventExactlyAsGiven() {
        StoredDeadLetter letter = letter(subscription, "{\"sku\":\"a\"}", now);

        store.add(letter);

        assertThat(store.list(subscription, 10)).singleElement().satisfies(found -> {
            assertThat(found.id()).isEqualTo(letter.id());
            assertThat(found.consumerKey()).isEqualTo("c-1");
            assertThat(found.attempts()).isEqualTo(4);
            assertThat(found.reason()).isEqualTo("nacked by c-1");
            assertThat(found.deadLetteredAt()).isEqualTo(now);
            StoredEvent event = found.event();
            assertThat(event.eventId()).isEqualTo(letter.event().eventId());
            assertThat(event.streamId()).isEqualTo(StreamId.of("orders", "o-1"));
            assertThat(event.streamVersion()).isEqualTo(3);
            assertThat(event.globalPosition()).isEqualTo(42);
            assertThat(event.eventType()).isEqualTo("tck.ItemAdded");
            assertThat(event.schemaVersion()).isEqualTo(2);
            assertThat(event.recordedAt()).isEqualTo(now.minusSeconds(5));
            assertThat(event.metadata()).isEqualTo(letter.event().metadata());
            assertThat(event.payload()).isEqualTo(letter.event().payload());
            assertThat(event.hash()).isEqualTo(letter.event().hash());
        });
    }

    @Test
    void aPayloadThatIsNotJsonIsKeptByteForByte() {
        StoredDeadLetter letter = letter(subscription, "not json \u00e9\u0000", now);

        store.add(letter);

        assertThat(store.list(subscription, 10).get(0).event().payload())
                .isEqualTo(letter.event().payload());
    }

    @Test
    void lettersAreListedOldestFirstUpToTheLimitAndOnlyThoseOfTheSubscription() {
        StoredDeadLetter newer = letter(subscription, "{}", now);
        StoredDeadLetter older = letter(subscription, "{}", now.minusSeconds(60));
        store.add(newer);
        store.add(older);
        store.add(letter(subscription + "-other", "{}", now));

        assertThat(store.list(subscription, 10))
                .extracting(StoredDeadLetter::id)
                .containsExactly(older.id(), newer.id());
        assertThat(store.list(subscription, 1)).extracting(StoredDeadLetter::id).containsExactly(older.id());
    }

    @Test
    void addingTheSameLetterTwiceKeepsOne() {
        StoredDeadLetter letter = letter(subscription, "{}", now);

        store.add(letter);
        store.add(letter);

        assertThat(store.list(subscription, 10)).hasSize(1);
    }

    @Test
    void aLetterIsDeletedOnceAndOnlyFromItsSubscription() {
        StoredDeadLetter letter = letter(subscription, "{}", now);
        store.add(letter);

        assertThat(store.delete(subscription + "-other", letter.id())).isFalse();
        assertThat(store.delete(subscription, letter.id())).isTrue();
        assertThat(store.delete(subscription, letter.id())).isFalse();
        assertThat(store.list(subscription, 10)).isEmpty();
    }

    @Test
    void theRetentionDeletesLettersOlderThanTheCutoff() {
        StoredDeadLetter old = letter(subscription, "{}", now.minus(40, ChronoUnit.DAYS));
        StoredDeadLetter recent = letter(subscription, "{}", now);
        store.add(old);
        store.add(recent);

        int deleted = store.deleteBefore(now.minus(30, ChronoUnit.DAYS));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(store.list(subscription, 10))
                .extracting(StoredDeadLetter::id)
                .containsExactly(recent.id());
    }

    @Test
    void aListOfASubscriptionWithoutLettersIsEmpty() {
        assertThat(store.list(subscription, 10)).isEqualTo(List.of());
    }
}
