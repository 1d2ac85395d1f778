package io.streamdingo.tck.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.spi.OffsetStore;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of the offset SPI (ST-5): what every {@link OffsetStore} keeps and returns. Nothing is skipped. */
public abstract class OffsetStoreContract {

    private OffsetStore store;
    private final String subscription =
            "offsets-" + UUID.randomUUID().toString().substring(0, 8);

    /** The store under test, new for every test. */
    protected abstract OffsetStore newOffsetStore();

    @BeforeEach
    final void openStore() {
        store = newOffsetStore();
    }

    @Test
    void anUnknownConsumerHasNoPosition() {
        assertThat(store.load(subscription, "nobody")).isEmpty();
    }

    @Test
    void aSavedPositionComesBack() {
        store.save(subscription, "c1", 42);

        assertThat(store.load(subscription, "c1")).hasValue(42);
    }

    @Test
    void savingAgainReplacesThePosition() {
        store.save(subscription, "c1", 42);
        store.save(subscription, "c1", 7);

        assertThat(store.load(subscription, "c1")).hasValue(7);
    }

    @Test
    void positionsAreKeptPerSubscriptionAndConsumer() {
        store.save(subscription, "c1", 1);
        store.save(subscription, "c2", 2);
        store.save(subscription + "-other", "c1", 3);

        assertThat(store.all(subscription))
                .containsOnly(
                        org.assertj.core.api.Assertions.entry("c1", 1L),
                        org.assertj.core.api.Assertions.entry("c2", 2L));
        assertThat(store.load(subscription + "-other", "c1")).hasValue(3);
    }

    @Test
    void aNegativePositionIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> store.save(subscription, "c1", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load(subscription, "c1")).isEmpty();
    }

    @Test
    void aRemovedPositionIsGoneAndTheOthersStay() {
        store.save(subscription, "c1", 1);
        store.save(subscription, "c2", 2);

        boolean removed = store.remove(subscription, "c1");

        assertThat(removed).isTrue();
        assertThat(store.load(subscription, "c1")).isEmpty();
        assertThat(store.all(subscription)).containsOnlyKeys("c2");
    }

    @Test
    void removingAnUnknownPositionSaysSo() {
        assertThat(store.remove(subscription, "nobody")).isFalse();
    }
}
