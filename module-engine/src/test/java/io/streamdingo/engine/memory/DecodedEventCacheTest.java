package io.streamdingo.engine.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.WriteGuard;
import io.streamdingo.hashing.EventHashChain;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecodedEventCacheTest {

    private static final StreamId STREAM = StreamId.of("account", "1");

    private static StoredEvent stored(UUID id, long version) {
        return new StoredEvent(
                id, STREAM, version, version, "opened", 1, Instant.EPOCH, EventMetadata.empty(), new byte[0], "h");
    }

    private static RecordedEvent decoded(StoredEvent stored) {
        return new RecordedEvent(
                stored.eventId(),
                STREAM,
                stored.streamVersion(),
                stored.globalPosition(),
                "opened",
                1,
                Instant.EPOCH,
                EventMetadata.empty(),
                "payload");
    }

    @Test
    void pastItsCapacityTheEventKeptLongestIsForgottenFirst() {
        DecodedEventCache cache = new DecodedEventCache(2);
        StoredEvent first = stored(UUID.randomUUID(), 1);
        StoredEvent second = stored(UUID.randomUUID(), 2);
        StoredEvent third = stored(UUID.randomUUID(), 3);

        cache.remember(decoded(first), java.util.List.of());
        cache.remember(decoded(second), java.util.List.of());
        cache.remember(decoded(third), java.util.List.of());

        assertThat(cache.recall(first)).isNull();
        assertThat(cache.recall(second)).isNotNull();
        assertThat(cache.recall(third)).isNotNull();
    }

    @Test
    void anEventWithTheSameIdAtAnotherPlaceIsNotTakenForTheKeptOne() {
        DecodedEventCache cache = new DecodedEventCache(10);
        UUID id = UUID.randomUUID();
        cache.remember(decoded(stored(id, 1)), java.util.List.of());

        assertThat(cache.recall(stored(id, 2))).isNull();
    }

    @Test
    void aForgottenEventIsDecodedAgainAndFreesItsPlace() {
        DecodedEventCache cache = new DecodedEventCache(1);
        StoredEvent first = stored(UUID.randomUUID(), 1);
        StoredEvent second = stored(UUID.randomUUID(), 2);
        cache.remember(decoded(first), java.util.List.of());

        cache.forget(first.eventId());
        cache.remember(decoded(second), java.util.List.of());

        assertThat(cache.recall(first)).isNull();
        assertThat(cache.recall(second)).isNotNull();
    }

    @Test
    void anEventKeptAgainAfterBeingForgottenIsNotEvictedByItsEarlierPlaceInLine() {
        DecodedEventCache cache = new DecodedEventCache(2);
        StoredEvent first = stored(UUID.randomUUID(), 1);
        StoredEvent second = stored(UUID.randomUUID(), 2);
        StoredEvent third = stored(UUID.randomUUID(), 3);
        cache.remember(decoded(first), java.util.List.of());
        cache.remember(decoded(second), java.util.List.of());
        cache.forget(first.eventId());
        cache.remember(decoded(first), java.util.List.of());

        cache.remember(decoded(third), java.util.List.of());

        assertThat(cache.recall(second)).as("kept longest: forgotten first").isNull();
        assertThat(cache.recall(first)).isNotNull();
        assertThat(cache.recall(third)).isNotNull();
    }

    @Test
    void anEventIsForgottenWhenItsStreamIsTruncatedPastIt() {
        InMemoryEventStoreBackend backend = new InMemoryEventStoreBackend();
        List<EventToStore> events = List.of(toStore(), toStore());
        backend.append(
                STREAM, ExpectedVersion.noStream(), events, WriteGuard.unlocked(Instant.EPOCH), new EventHashChain());
        StoredEvent first =
                backend.readStream(STREAM, 1, 1, ReadDirection.FORWARDS, 1).get(0);
        StoredEvent second =
                backend.readStream(STREAM, 2, 2, ReadDirection.FORWARDS, 1).get(0);
        backend.remember(first, decoded(first));
        backend.remember(second, decoded(second));

        backend.truncateBefore(STREAM, 2, WriteGuard.unlocked(Instant.EPOCH));

        assertThat(backend.recall(first)).isNull();
        assertThat(backend.recall(second)).isNotNull();
    }

    @Test
    void anEventThatIsNotInTheStoreIsNotKept() {
        InMemoryEventStoreBackend backend = new InMemoryEventStoreBackend();
        StoredEvent message = stored(UUID.randomUUID(), 1);

        backend.remember(message, decoded(message));

        assertThat(backend.recall(message)).isNull();
    }

    private static EventToStore toStore() {
        return new EventToStore(
                UUID.randomUUID(), "opened", 1, Instant.EPOCH, EventMetadata.empty(), "{}".getBytes(UTF_8));
    }
}
