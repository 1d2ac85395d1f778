package io.streamdingo.tck.store;

import static io.streamdingo.tck.events.AccountEvents.opened;
import static io.streamdingo.tck.replay.Carts.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.LoadedState;
import io.streamdingo.api.replay.ReplayDecision;
import io.streamdingo.api.spi.StoredSnapshot;
import io.streamdingo.hashing.CanonicalJson;
import io.streamdingo.tck.events.AccountEvents.AccountOpened;
import io.streamdingo.tck.events.AccountEvents.Address;
import io.streamdingo.tck.events.AccountEvents.CoOwnerAdded;
import io.streamdingo.tck.events.AccountEvents.Contact;
import io.streamdingo.tck.events.AccountEvents.Deposited;
import io.streamdingo.tck.replay.AccountState;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding on the backend under test: personal fields are stored encrypted with their subject's key and
 * read in clear; once the subject is forgotten they read as null, with their paths listed, in reads, replay and
 * snapshot loads, while the events, their other fields and the hash chain stay. Snapshots of states built from
 * personal data are stored sealed with the subjects' keys.
 */
public interface PersonalDataContract extends ContractFixture {

    /** A subject id no other test uses. */
    private static String subjectOf(StreamId stream, String who) {
        return who + "-" + stream.id();
    }

    private String storedText(StreamId stream, long version) {
        return new String(
                backend()
                        .readStream(stream, version, version, ReadDirection.FORWARDS, 1)
                        .get(0)
                        .payload(),
                StandardCharsets.UTF_8);
    }

    private StreamId accountOf(String who, String name) {
        StreamId stream = newStreamId();
        store().append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(subjectOf(stream, who), name)));
        store().append(stream, ExpectedVersion.exact(1), NewEvent.of(new Deposited(5)));
        return stream;
    }

    private String snapshotText(StreamId stream) {
        List<StoredSnapshot> stored = snapshotStore().list(stream, ACCOUNT.category());
        assertThat(stored).hasSize(1);
        // in canonical form: a store may reformat JSON it keeps (PostgreSQL's jsonb)
        return new String(CanonicalJson.canonicalize(stored.get(0).state()), StandardCharsets.UTF_8);
    }

    @Test
    default void personalFieldsAreStoredEncryptedAndReadInClear() {
        StreamId stream = newStreamId();
        String ada = subjectOf(stream, "ada");

        store().append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(ada, "Ada")));

        assertThat(storedText(stream, 1))
                .doesNotContain("Ada")
                .contains("\"ownerId\":\"" + ada + "\"")
                .contains("Leeds")
                .contains("sd-enc:v1:");
        RecordedEvent read = store().read(stream).findFirst().orElseThrow();
        assertThat(read.payload()).isEqualTo(opened(ada, "Ada"));
        assertThat(read.metadata().redactedFields()).isEmpty();
    }

    @Test
    default void afterForgettingTheSubjectItsPersonalFieldsReadAsNullWithTheirPaths() {
        StreamId stream = accountOf("ada", "Ada");

        store().forget(subjectOf(stream, "ada"));

        RecordedEvent read = store().read(stream).findFirst().orElseThrow();
        assertThat(read.payload())
                .isEqualTo(new AccountOpened(
                        subjectOf(stream, "ada"),
                        null,
                        new Address(null, "Leeds"),
                        List.of(new Contact("email", null), new Contact("phone", null)),
                        100));
        assertThat(read.metadata().redactedFields())
                .containsExactlyInAnyOrder("ownerName", "address.street", "contacts[0].value", "contacts[1].value");
    }

    @Test
    default void forgettingSaysWhetherTheSubjectHadAKey() {
        StreamId stream = accountOf("ada", "Ada");

        assertThat(store().forget(subjectOf(stream, "ada"))).isTrue();
        assertThat(store().forget(subjectOf(stream, "ada"))).isFalse();
        assertThat(store().forget(subjectOf(stream, "nobody"))).isFalse();
    }

    @Test
    default void forgettingOneSubjectLeavesAnothersDataReadable() {
        StreamId adas = accountOf("ada", "Ada");
        StreamId bobs = accountOf("bob", "Bob");

        store().forget(subjectOf(adas, "ada"));

        RecordedEvent read = store().read(bobs).findFirst().orElseThrow();
        assertThat(read.payload()).isEqualTo(opened(subjectOf(bobs, "bob"), "Bob"));
        assertThat(read.metadata().redactedFields()).isEmpty();
    }

    @Test
    default void theHashChainVerifiesBeforeAndAfterForgetting() {
        StreamId stream = accountOf("ada", "Ada");
        assertThat(store().verify(stream).intact()).isTrue();

        store().forget(subjectOf(stream, "ada"));

        assertThat(store().verify(stream).intact()).isTrue();
    }

    @Test
    default void replayAfterForgettingRebuildsTheStateWithTheRedactedFieldsAsNull() {
        StreamId stream = accountOf("ada", "Ada");
        assertThat(replay().replay(ACCOUNT, stream).state()).isEqualTo(new AccountState("Ada", List.of(), 105));

        store().forget(subjectOf(stream, "ada"));

        assertThat(replay().replay(ACCOUNT, stream).state()).isEqualTo(new AccountState(null, List.of(), 105));
    }

    @Test
    default void aSnapshotOfAStateBuiltFromPersonalDataIsStoredSealedAndLoadsInClear() {
        StreamId stream = accountOf("ada", "Ada");

        replay().snapshot(ACCOUNT, stream);

        assertThat(snapshotText(stream)).doesNotContain("Ada").startsWith("{\"$sealed\":1,");
        LoadedState<AccountState> loaded = replay().load(ACCOUNT, stream);
        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FromSnapshot.class);
        assertThat(loaded.state()).isEqualTo(new AccountState("Ada", List.of(), 105));
    }

    @Test
    default void aSnapshotOfAStateWithoutPersonalDataStaysInClear() {
        StreamId stream = newStreamId();
        store().append(stream, ExpectedVersion.noStream(), NewEvent.of(new Deposited(7)));

        replay().snapshot(ACCOUNT, stream);

        assertThat(snapshotText(stream)).isEqualTo("{\"balance\":7,\"coOwners\":[],\"owner\":null}");
    }

    @Test
    default void afterForgettingASealedSnapshotIsDeletedAndTheStateRebuiltWithTheRedactedFieldsAsNull() {
        StreamId stream = accountOf("ada", "Ada");
        replay().snapshot(ACCOUNT, stream);

        store().forget(subjectOf(stream, "ada"));
        LoadedState<AccountState> loaded = replay().load(ACCOUNT, stream);

        assertThat(loaded.state()).isEqualTo(new AccountState(null, List.of(), 105));
        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FullReplay.class);
        assertThat(loaded.decision().reason()).contains("personal data of a forgotten data subject");
        assertThat(snapshotStore().list(stream, ACCOUNT.category())).isEmpty();
    }

    @Test
    default void aSnapshotRebuiltAfterForgettingHoldsNoneOfTheForgottenData() {
        StreamId stream = accountOf("ada", "Ada");
        replay().snapshot(ACCOUNT, stream);
        store().forget(subjectOf(stream, "ada"));

        replay().snapshot(ACCOUNT, stream);

        assertThat(snapshotText(stream)).isEqualTo("{\"balance\":105,\"coOwners\":[],\"owner\":null}");
    }

    @Test
    default void forgettingEitherOfTwoSubjectsMakesTheSnapshotOfTheirSharedStateUnreadable() {
        StreamId stream = accountOf("ada", "Ada");
        store().append(
                        stream,
                        ExpectedVersion.exact(2),
                        NewEvent.of(new CoOwnerAdded(subjectOf(stream, "bob"), "Bob")));
        replay().snapshot(ACCOUNT, stream);
        assertThat(snapshotText(stream)).doesNotContain("Ada").doesNotContain("Bob");

        store().forget(subjectOf(stream, "bob"));
        LoadedState<AccountState> loaded = replay().load(ACCOUNT, stream);

        assertThat(loaded.decision()).isInstanceOf(ReplayDecision.FullReplay.class);
        assertThat(loaded.state()).isEqualTo(new AccountState("Ada", Arrays.asList((String) null), 105));
    }

    @Test
    default void aSealedSnapshotCopiedToAnotherStreamDoesNotOpenThere() {
        StreamId adas = accountOf("ada", "Ada");
        StreamId bobs = accountOf("bob", "Bob");
        replay().snapshot(ACCOUNT, adas);
        StoredSnapshot sealed = snapshotStore().list(adas, ACCOUNT.category()).get(0);

        snapshotStore()
                .save(new StoredSnapshot(
                        bobs,
                        sealed.stateType(),
                        sealed.version(),
                        sealed.state(),
                        sealed.stateHash(),
                        sealed.contributors(),
                        sealed.createdAt()));
        LoadedState<AccountState> loaded = replay().load(ACCOUNT, bobs);

        assertThat(loaded.state()).isEqualTo(new AccountState("Bob", List.of(), 105));
        assertThat(loaded.decision().reason()).contains("does not open");
        assertThat(snapshotStore().list(bobs, ACCOUNT.category())).isEmpty();
    }

    @Test
    default void aBadSubjectIdIsRefusedAndForgetsNothing() {
        StreamId stream = accountOf("ada", "Ada");

        assertThatThrownBy(() -> store().forget(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be null or empty");
        assertThatThrownBy(() -> store().forget(subjectOf(stream, "ada") + "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");

        assertThat(((AccountOpened)
                                store().read(stream).findFirst().orElseThrow().payload())
                        .ownerName())
                .isEqualTo("Ada");
    }
}
