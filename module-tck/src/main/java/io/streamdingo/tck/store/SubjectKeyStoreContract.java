package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.SubjectKeyStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SubjectKeyStore} (crypto-shredding's keys): a subject's key is created once and
 * found again by its id, racing callers get the same key, subjects never share one, forgetting deletes it for
 * good and a key created after that is a new one, and bad subject ids are refused. Extend it and return the
 * store under test; every store passes it unchanged. Each test uses subjects of its own, so a store that earlier
 * runs filled is fine.
 */
public abstract class SubjectKeyStoreContract {

    private SubjectKeyStore store;
    /** A prefix no other test or run uses: a database store is shared. */
    private final String prefix = "tck-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    /** The store under test, new for every test. */
    protected abstract SubjectKeyStore newKeyStore();

    @BeforeEach
    final void openStore() {
        store = newKeyStore();
    }

    @Test
    void aSubjectsFirstKeyIsCreatedAndThenReturnedAgain() {
        DataKey first = store.currentKey(prefix + "ada");

        DataKey again = store.currentKey(prefix + "ada");

        assertThat(first.subject()).isEqualTo(prefix + "ada");
        assertThat(first.key()).hasSize(DataKey.LENGTH);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aKeyIsFoundByItsSubjectAndId() {
        DataKey key = store.currentKey(prefix + "ada");

        assertThat(store.key(prefix + "ada", key.keyId())).contains(key);
        assertThat(store.key(prefix + "ada", "another-id")).isEmpty();
        assertThat(store.key(prefix + "bob", key.keyId())).isEmpty();
    }

    @Test
    void subjectsNeverShareAKey() {
        DataKey ada = store.currentKey(prefix + "ada");
        DataKey bob = store.currentKey(prefix + "bob");

        assertThat(bob.keyId()).isNotEqualTo(ada.keyId());
        assertThat(bob.key()).isNotEqualTo(ada.key());
    }

    @Test
    void aForgottenSubjectsKeyIsGoneForGood() {
        DataKey key = store.currentKey(prefix + "ada");

        boolean forgotten = store.forget(prefix + "ada");

        assertThat(forgotten).isTrue();
        assertThat(store.key(prefix + "ada", key.keyId())).isEmpty();
        assertThat(newKeyStoreSharingData().key(prefix + "ada", key.keyId())).isEmpty();
    }

    @Test
    void forgettingOneSubjectLeavesTheOthers() {
        store.currentKey(prefix + "ada");
        DataKey bob = store.currentKey(prefix + "bob");

        store.forget(prefix + "ada");

        assertThat(store.key(prefix + "bob", bob.keyId())).contains(bob);
    }

    @Test
    void aKeyCreatedAfterForgettingIsANewOne() {
        DataKey before = store.currentKey(prefix + "ada");
        store.forget(prefix + "ada");

        DataKey after = store.currentKey(prefix + "ada");

        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(after.key()).isNotEqualTo(before.key());
        assertThat(store.key(prefix + "ada", before.keyId())).isEmpty();
    }

    @Test
    void forgettingASubjectWithoutAKeySaysSo() {
        assertThat(store.forget(prefix + "nobody")).isFalse();
    }

    @Test
    void keysOutliveTheStoreObject() {
        DataKey key = store.currentKey(prefix + "ada");

        assertThat(newKeyStoreSharingData().key(prefix + "ada", key.keyId())).contains(key);
    }

    /**
     * Another store over the same data, as another server or a restart would open it; the in-memory store returns
     * itself.
     */
    protected SubjectKeyStore newKeyStoreSharingData() {
        return newKeyStore();
    }

    @Test
    void callersRacingOnANewSubjectAllGetTheSameKey() throws Exception {
        int callers = 8;
        CyclicBarrier start = new CyclicBarrier(callers);
        List<CompletableFuture<DataKey>> keys = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            SubjectKeyStore own = i % 2 == 0 ? store : newKeyStoreSharingData();
            keys.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return own.currentKey(prefix + "racer");
            }));
        }

        HashSet<DataKey> distinct = new HashSet<>();
        for (CompletableFuture<DataKey> key : keys) {
            distinct.add(key.get());
        }

        assertThat(distinct).hasSize(1);
    }

    @Test
    void subjectsOfAnyCharactersUpToTheLimitAreKept() {
        String subject = prefix + "Zoë 'O\"Brien'; DROP TABLE x; -- 日本"
                + "x".repeat(SubjectKeyStore.MAX_SUBJECT_LENGTH - 50 - prefix.length());
        DataKey key = store.currentKey(subject);

        assertThat(store.key(subject, key.keyId())).contains(key);
        assertThat(store.forget(subject)).isTrue();
    }

    @Test
    void badSubjectIdsAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> store.currentKey(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be null or empty");
        assertThatThrownBy(() -> store.currentKey("x".repeat(SubjectKeyStore.MAX_SUBJECT_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + SubjectKeyStore.MAX_SUBJECT_LENGTH);
        assertThatThrownBy(() -> store.forget("a\nb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
    }
}
