package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.StoredSnapshot;
import io.streamdingo.hashing.CanonicalJson;
import io.streamdingo.hashing.StateHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the snapshot SPI (SN-3): what every {@link SnapshotStore} keeps and returns. A store's
 * test subclasses it and returns a store; nothing is skipped.
 */
public abstract class SnapshotStoreContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private SnapshotStore store;

    /** The store under test, new for every test. */
    protected abstract SnapshotStore newSnapshotStore();

    @BeforeEach
    final void openStore() {
        store = newSnapshotStore();
    }

    private StreamId newStreamId() {
        return StreamId.of("tck", "snap-" + run + "-" + SEQUENCE.incrementAndGet());
    }

    private static StoredSnapshot snapshot(StreamId stream, String type, long version) {
        byte[] state = CanonicalJson.canonicalize(
                ("{\"items\":" + version + ",\"price\":10.50,\"name\":\"ünïcödé\"}").getBytes(StandardCharsets.UTF_8));
        return new StoredSnapshot(
                stream,
                type,
                version,
                state,
                StateHash.of(state),
                Map.of("$initial", "a".repeat(64), "tck.ItemAdded", "b".repeat(64), "tck.NoteAdded", "none"),
                Instant.parse("2026-11-23T10:15:30.123456Z"));
    }

    @Test
    void aSavedSnapshotComesBackWithItsStateHashAndContributors() {
        StreamId stream = newStreamId();
        StoredSnapshot saved = snapshot(stream, "Cart", 7);
        store.save(saved);

        StoredSnapshot loaded = store.list(stream, "Cart").get(0);

        assertThat(loaded.streamId()).isEqualTo(stream);
        assertThat(loaded.version()).isEqualTo(7);
        assertThat(loaded.stateType()).isEqualTo("Cart");
        assertThat(CanonicalJson.canonicalize(loaded.state())).isEqualTo(saved.state());
        assertThat(StateHash.matches(loaded.state(), loaded.stateHash())).isTrue();
        assertThat(loaded.contributors()).isEqualTo(saved.contributors());
        assertThat(loaded.createdAt()).isEqualTo(saved.createdAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void snapshotsAreListedNewestFirst() {
        StreamId stream = newStreamId();
        store.save(snapshot(stream, "Cart", 5));
        store.save(snapshot(stream, "Cart", 15));
        store.save(snapshot(stream, "Cart", 10));

        assertThat(store.list(stream, "Cart"))
                .extracting(StoredSnapshot::version)
                .containsExactly(15L, 10L, 5L);
    }

    @Test
    void savingTheSameVersionAgainReplacesIt() {
        StreamId stream = newStreamId();
        store.save(snapshot(stream, "Cart", 5));
        StoredSnapshot replacement = new StoredSnapshot(
                stream,
                "Cart",
                5,
                "{}".getBytes(StandardCharsets.UTF_8),
                StateHash.of("{}".getBytes(StandardCharsets.UTF_8)),
                Map.of(),
                Instant.parse("2026-11-24T00:00:00Z"));

        store.save(replacement);

        assertThat(store.list(stream, "Cart")).singleElement().satisfies(s -> assertThat(s.stateHash())
                .isEqualTo(replacement.stateHash()));
    }

    @Test
    void snapshotsAreKeptApartByStreamAndStateType() {
        StreamId one = newStreamId();
        StreamId two = newStreamId();
        store.save(snapshot(one, "Cart", 1));
        store.save(snapshot(one, "CartSummary", 2));
        store.save(snapshot(two, "Cart", 3));

        assertThat(store.list(one, "Cart")).extracting(StoredSnapshot::version).containsExactly(1L);
        assertThat(store.list(one, "CartSummary"))
                .extracting(StoredSnapshot::version)
                .containsExactly(2L);
        assertThat(store.list(two, "Cart")).extracting(StoredSnapshot::version).containsExactly(3L);
    }

    @Test
    void aStreamWithoutSnapshotsListsNone() {
        assertThat(store.list(newStreamId(), "Cart")).isEmpty();
    }

    @Test
    void deleteRemovesOneSnapshotOnly() {
        StreamId stream = newStreamId();
        store.save(snapshot(stream, "Cart", 1));
        store.save(snapshot(stream, "Cart", 2));

        store.delete(stream, "Cart", 1);
        store.delete(stream, "Cart", 99);

        assertThat(store.list(stream, "Cart"))
                .extracting(StoredSnapshot::version)
                .containsExactly(2L);
    }

    @Test
    void keepLatestDeletesTheOlderSnapshotsAndCountsThem() {
        StreamId stream = newStreamId();
        for (long version = 1; version <= 5; version++) {
            store.save(snapshot(stream, "Cart", version));
        }
        store.save(snapshot(stream, "CartSummary", 1));

        int removed = store.keepLatest(stream, "Cart", 2);

        assertThat(removed).isEqualTo(3);
        assertThat(store.list(stream, "Cart"))
                .extracting(StoredSnapshot::version)
                .containsExactly(5L, 4L);
        assertThat(store.list(stream, "CartSummary")).hasSize(1);
    }

    @Test
    void clearRemovesEverySnapshotOfTheStreamAndNoOther() {
        StreamId stream = newStreamId();
        StreamId other = newStreamId();
        store.save(snapshot(stream, "Cart", 1));
        store.save(snapshot(stream, "CartSummary", 1));
        store.save(snapshot(other, "Cart", 1));

        assertThat(store.clear(stream)).isEqualTo(2);

        assertThat(store.list(stream, "Cart")).isEmpty();
        assertThat(store.list(stream, "CartSummary")).isEmpty();
        assertThat(store.list(other, "Cart")).hasSize(1);
    }
}
