package io.streamdingo.tck.store;

import static io.streamdingo.tck.replay.Carts.CART;
import static io.streamdingo.tck.replay.Carts.CART_COUNTING_NOTES;
import static io.streamdingo.tck.replay.Carts.CART_WITH_CHANGED_ADD;
import static io.streamdingo.tck.replay.Carts.CART_WITH_CHANGED_REMOVAL;
import static io.streamdingo.tck.replay.Carts.MUTABLE_CART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.IntegrityViolationException;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.LoadedState;
import io.streamdingo.api.replay.ReplayDecision;
import io.streamdingo.api.replay.SnapshotInfo;
import io.streamdingo.api.replay.SnapshotPolicy;
import io.streamdingo.api.spi.StoredSnapshot;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.ItemRemoved;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import io.streamdingo.tck.replay.CartState;
import io.streamdingo.tck.replay.MutableCart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * SN-1 to SN-3 and HS-5: rebuilding state with pure handlers, and trusting a snapshot only while its state
 * hash and the code of the handlers that built it are unchanged.
 */
public interface ReplayContract extends ContractFixture {

    private void add(StreamId stream, int... quantities) {
        for (int quantity : quantities) {
            store().append(stream, ExpectedVersion.any(), NewEvent.of(new ItemAdded("sku-" + quantity, quantity)));
        }
    }

    private void remove(StreamId stream, String sku) {
        store().append(stream, ExpectedVersion.any(), NewEvent.of(new ItemRemoved(sku)));
    }

    @Test
    default void replayAppliesEveryEventInOrder() {
        StreamId stream = newStreamId();
        add(stream, 2, 3);
        remove(stream, "sku-2");

        LoadedState<CartState> loaded = replay().replay(CART, stream);

        assertThat(loaded.state()).isEqualTo(new CartState(5, 1));
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.eventsApplied()).isEqualTo(3);
        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FullReplay.class);
    }

    @Test
    default void aStreamNeverWrittenLoadsAsTheInitialStateAtVersionZero() {
        LoadedState<CartState> loaded = replay().load(CART, newStreamId());

        assertThat(loaded.state()).isEqualTo(CartState.EMPTY);
        assertThat(loaded.version()).isZero();
        assertThat(loaded.expectedVersion()).isEqualTo(ExpectedVersion.noStream());
    }

    @Test
    default void eventsWithoutAHandlerLeaveTheStateAsItIs() {
        StreamId stream = newStreamId();
        add(stream, 4);
        store().append(stream, ExpectedVersion.any(), NewEvent.of(new NoteAdded("fragile")));

        LoadedState<CartState> loaded = replay().load(CART, stream);

        assertThat(loaded.state()).isEqualTo(new CartState(4, 0));
        assertThat(loaded.version()).isEqualTo(2);
    }

    @Test
    default void replayUntilAVersionShowsTheStateAsItWasThen() {
        StreamId stream = newStreamId();
        add(stream, 1, 2, 3, 4);

        assertThat(replay().replayUntil(CART, stream, 2).state()).isEqualTo(new CartState(3, 0));
    }

    @Test
    default void replayUntilATimeAppliesTheEventsRecordedByThen() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        Instant between = clock().instant();
        clock().advance(Duration.ofMinutes(5));
        add(stream, 10);

        assertThat(replay().replayUntil(CART, stream, between).state()).isEqualTo(new CartState(3, 0));
    }

    @Test
    default void mutableStatesAreChangedInPlaceByVoidHandlers() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        remove(stream, "sku-1");

        LoadedState<MutableCart> loaded = replay().load(MUTABLE_CART, stream);

        assertThat(loaded.state().getSkus()).containsExactly("sku-2");
    }

    @Test
    default void aMutableStateSurvivesASnapshot() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(MUTABLE_CART, stream);
        add(stream, 3);

        LoadedState<MutableCart> loaded = replay().load(MUTABLE_CART, stream);

        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FromSnapshot.class);
        assertThat(loaded.state().getSkus()).containsExactly("sku-1", "sku-2", "sku-3");
    }

    @Test
    default void theSnapshotPolicyDecidesWhenALoadStoresASnapshot() {
        StreamId stream = newStreamId();
        add(stream, 1, 1, 1, 1);
        replay().load(CART.withSnapshotPolicy(SnapshotPolicy.everyEvents(5)), stream);
        assertThat(replay().snapshots(CART, stream)).isEmpty();

        add(stream, 1);
        replay().load(CART.withSnapshotPolicy(SnapshotPolicy.everyEvents(5)), stream);

        assertThat(replay().snapshots(CART, stream))
                .extracting(SnapshotInfo::version)
                .containsExactly(5L);
    }

    @Test
    default void unchangedHandlersLoadFromTheLatestSnapshotAndApplyOnlyNewerEvents() {
        StreamId stream = newStreamId();
        add(stream, 1, 2, 3);
        replay().snapshot(CART, stream);
        add(stream, 4, 5);

        LoadedState<CartState> loaded = replay().load(CART, stream);

        assertThat(loaded.decision())
                .isEqualTo(new ReplayDecision.FromSnapshot(
                        3, true, loaded.decision().reason()));
        assertThat(loaded.eventsApplied()).isEqualTo(2);
        assertThat(loaded.state()).isEqualTo(replay().replay(CART, stream).state());
    }

    @Test
    default void aSnapshotTakenBeforeTheFirstEventOfAChangedHandlerIsStillUsed() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);
        remove(stream, "sku-1");
        add(stream, 3);
        replay().snapshot(CART, stream);

        LoadedState<CartState> loaded = replay().load(CART_WITH_CHANGED_REMOVAL, stream);

        assertThat(loaded.decision()).isInstanceOfSatisfying(ReplayDecision.FromSnapshot.class, fromSnapshot -> {
            assertThat(fromSnapshot.snapshotVersion()).isEqualTo(2);
            assertThat(fromSnapshot.latest()).isFalse();
            assertThat(fromSnapshot.reason()).contains("the handler of tck.ItemRemoved");
        });
        assertThat(loaded.state()).isEqualTo(new CartState(6, 10));
    }

    @Test
    default void aChangedHandlerThatBuiltEverySnapshotForcesAFullReplay() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);
        add(stream, 3);
        replay().snapshot(CART, stream);

        LoadedState<CartState> loaded = replay().load(CART_WITH_CHANGED_ADD, stream);

        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FullReplay.class);
        assertThat(loaded.decision().reason()).contains("the handler of tck.ItemAdded");
        assertThat(loaded.state()).isEqualTo(new CartState(12, 0));
        assertThat(replay().statistics().staleSnapshotsSkipped()).isEqualTo(2);
    }

    @Test
    default void aFullReplayAfterAChangeStoresAFreshSnapshotThatTheNextLoadUses() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);
        replay().load(CART_WITH_CHANGED_ADD.withSnapshotPolicy(SnapshotPolicy.everyEvents(1)), stream);

        LoadedState<CartState> next = replay().load(CART_WITH_CHANGED_ADD, stream);

        assertThat(next.decision())
                .isEqualTo(
                        new ReplayDecision.FromSnapshot(2, true, next.decision().reason()));
        assertThat(next.state()).isEqualTo(new CartState(6, 0));
    }

    @Test
    default void aNewHandlerForAnEventTypeTheSnapshotIgnoredMakesItStale() {
        StreamId stream = newStreamId();
        add(stream, 1);
        store().append(stream, ExpectedVersion.any(), NewEvent.of(new NoteAdded("call first")));
        replay().snapshot(CART, stream);

        LoadedState<CartState> loaded = replay().load(CART_COUNTING_NOTES, stream);

        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FullReplay.class);
        assertThat(loaded.state()).isEqualTo(new CartState(1001, 0));
    }

    @Test
    default void aTamperedSnapshotIsDiscardedCountedAndTheStateRebuiltFromEvents() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);
        StoredSnapshot stored = snapshotStore().list(stream, CART.category()).get(0);
        snapshotStore()
                .save(new StoredSnapshot(
                        stream,
                        stored.stateType(),
                        stored.version(),
                        "{\"items\":1000000,\"removals\":0}".getBytes(StandardCharsets.UTF_8),
                        stored.stateHash(),
                        stored.contributors(),
                        stored.createdAt()));

        LoadedState<CartState> loaded = replay().load(CART, stream);

        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FullReplay.class);
        assertThat(loaded.state()).isEqualTo(new CartState(3, 0));
        assertThat(replay().statistics().corruptSnapshotsDiscarded()).isEqualTo(1);
        assertThat(snapshotStore().list(stream, CART.category())).isEmpty();
    }

    @Test
    default void loadingWithVerificationRejectsATamperedEventNamingItsVersion() {
        StreamId stream = newStreamId();
        add(stream, 1, 2, 3);
        tampering().replacePayload(stream, 2, "{\"sku\":\"sku-2\",\"quantity\":2000}");

        assertThatThrownBy(() -> replay().load(CART.verifyingOnLoad(), stream))
                .isInstanceOfSatisfying(IntegrityViolationException.class, e -> {
                    assertThat(e.streamId()).isEqualTo(stream);
                    assertThat(e.version()).isEqualTo(2);
                });
    }

    @Test
    default void loadingWithVerificationFromASnapshotChecksTheEventsAfterIt() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);
        add(stream, 3, 4);

        LoadedState<CartState> loaded = replay().load(CART.verifyingOnLoad(), stream);
        assertThat(loaded.state()).isEqualTo(new CartState(10, 0));
        assertThat(loaded.eventsApplied()).isEqualTo(2);

        tampering().replacePayload(stream, 4, "{\"sku\":\"sku-4\",\"quantity\":4000}");

        assertThatThrownBy(() -> replay().load(CART.verifyingOnLoad(), stream))
                .isInstanceOfSatisfying(IntegrityViolationException.class, e -> assertThat(e.version())
                        .isEqualTo(4));
    }

    @Test
    default void replayFromASnapshotBuiltByChangedHandlersIsRefused() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);

        assertThatThrownBy(() -> replay().replayFrom(CART_WITH_CHANGED_ADD, stream, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed code");
    }

    @Test
    default void replayFromAValidSnapshotAppliesTheNewerEvents() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);
        add(stream, 3);

        LoadedState<CartState> loaded = replay().replayFrom(CART, stream, 2);

        assertThat(loaded.state()).isEqualTo(new CartState(6, 0));
        assertThat(loaded.eventsApplied()).isEqualTo(1);
    }

    @Test
    default void onlyTheConfiguredNumberOfSnapshotsIsKept() {
        StreamId stream = newStreamId();
        for (int i = 1; i <= 3; i++) {
            add(stream, i);
            replay().snapshot(CART.keepingSnapshots(2), stream);
        }

        assertThat(replay().snapshots(CART, stream))
                .extracting(SnapshotInfo::version)
                .containsExactly(3L, 2L);
    }

    @Test
    default void aSnapshotRecordsTheFingerprintsOfTheHandlersThatBuiltIt() {
        StreamId stream = newStreamId();
        add(stream, 1);
        store().append(stream, ExpectedVersion.any(), NewEvent.of(new NoteAdded("n")));

        SnapshotInfo snapshot = replay().snapshot(CART, stream);

        assertThat(snapshot.contributors()).containsKeys("$initial", "tck.ItemAdded", "tck.NoteAdded");
        assertThat(snapshot.contributors()).doesNotContainKey("tck.ItemRemoved");
        assertThat(snapshot.contributors().get("tck.NoteAdded")).isEqualTo("none");
        assertThat(snapshot.contributors().get("tck.ItemAdded")).matches("[0-9a-f]{64}");
        assertThat(snapshot.stateHash()).matches("[0-9a-f]{64}");
    }

    @Test
    default void clearingSnapshotsMakesTheNextLoadReplayEverything() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);

        assertThat(replay().clearSnapshots(stream)).isEqualTo(1);

        assertThat(replay().load(CART, stream).decision()).isInstanceOf(ReplayDecision.FullReplay.class);
    }

    @Test
    default void aSnapshotFromBeforeASoftDeleteIsNotUsed() {
        StreamId stream = newStreamId();
        add(stream, 1, 2);
        replay().snapshot(CART, stream);
        store().softDelete(stream, ExpectedVersion.exact(2));
        add(stream, 5);

        LoadedState<CartState> loaded = replay().load(CART, stream);

        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FullReplay.class);
        assertThat(loaded.state()).isEqualTo(new CartState(5, 0));
    }

    @Test
    default void aStreamOfAnotherCategoryIsRefusedWithTheRule() {
        assertThatThrownBy(() -> replay().load(CART, StreamId.of("other", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not of aggregate type tck");
    }

    @Test
    default void everyDecisionIsCounted() {
        StreamId stream = newStreamId();
        add(stream, 1);
        replay().load(CART, stream);
        replay().snapshot(CART, stream);
        replay().load(CART, stream);

        assertThat(replay().statistics().latestSnapshotLoads()).isEqualTo(1);
        assertThat(replay().statistics().snapshotsTaken()).isEqualTo(1);
        assertThat(replay().statistics().fullReplays()).isEqualTo(2);
    }
}
