package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.StreamId;
import org.junit.jupiter.api.Test;

/** ES-4: the current version without loading events. */
public interface CurrentVersionContract extends ContractFixture {

    @Test
    default void currentVersionOfFiveEventsIsFive() {
        StreamId stream = newStreamId();
        appendItems(stream, 2);
        appendItems(stream, 3);

        assertThat(store().currentVersion(stream)).isEqualTo(5);
    }

    @Test
    default void currentVersionOfAStreamWithoutEventsIsZero() {
        assertThat(store().currentVersion(newStreamId())).isZero();
    }

    @Test
    default void currentVersionLoadsNoEvents() {
        StreamId stream = newStreamId();
        appendItems(stream, 50);
        long before = backend().streamEventsRead();

        store().currentVersion(stream);

        assertThat(backend().streamEventsRead()).isEqualTo(before);
    }
}
