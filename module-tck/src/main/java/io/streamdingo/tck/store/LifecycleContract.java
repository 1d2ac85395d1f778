package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StoreNotOpenException;
import io.streamdingo.api.StreamId;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** ES-8: a closed store refuses every call with {@link StoreNotOpenException}. */
public interface LifecycleContract extends ContractFixture {

    @Test
    default void aClosedStoreRefusesAppendsReadsAndSessions() {
        StreamId stream = newStreamId();
        appendItems(stream, 1);
        EventStore store = store();

        store.close();

        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.any(), NewEvent.all(new ItemAdded("a", 1))))
                .isInstanceOf(StoreNotOpenException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.read(stream)).isInstanceOf(StoreNotOpenException.class);
        assertThatThrownBy(() -> store.readAll(0)).isInstanceOf(StoreNotOpenException.class);
        assertThatThrownBy(() -> store.currentVersion(stream)).isInstanceOf(StoreNotOpenException.class);
        assertThatThrownBy(() -> store.openSession(stream, Duration.ofSeconds(1)))
                .isInstanceOf(StoreNotOpenException.class);
    }

    @Test
    default void aReadInProgressFailsClearlyWhenTheStoreCloses() {
        StreamId stream = newStreamId();
        appendItems(stream, PAGE_SIZE * 3);
        Iterator<RecordedEvent> reading = store().read(stream).iterator();
        reading.next();

        store().close();

        assertThatThrownBy(() -> {
                    while (reading.hasNext()) {
                        reading.next();
                    }
                })
                .isInstanceOf(StoreNotOpenException.class);
    }

    @Test
    default void closingTwiceIsHarmlessAndLeavesTheStoreClosed() {
        store().close();

        store().close();

        assertThatThrownBy(() -> store().headPosition()).isInstanceOf(StoreNotOpenException.class);
    }
}
