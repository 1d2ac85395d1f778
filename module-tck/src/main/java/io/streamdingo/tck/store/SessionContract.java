package io.streamdingo.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.SessionClosedException;
import io.streamdingo.api.SessionExpiredException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamLockedException;
import io.streamdingo.api.StreamSession;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ES-7: exclusive sessions with leases that expire. */
public interface SessionContract extends ContractFixture {

    Duration TIMEOUT = Duration.ofSeconds(30);

    private static List<NewEvent> oneItem() {
        return NewEvent.all(new ItemAdded("a", 1));
    }

    @Test
    default void aSecondOpenerFailsAtOnceNamingTheHolder() {
        StreamId stream = newStreamId();
        StreamSession holder = store().openSession(stream, TIMEOUT);
        EventStore otherServer = anotherNode("node-b");

        assertThatThrownBy(() -> otherServer.openSession(stream, TIMEOUT))
                .isInstanceOfSatisfying(StreamLockedException.class, e -> {
                    assertThat(e.holder()).isEqualTo(holder.sessionId()).startsWith("node-a/");
                    assertThat(e.lockedUntil()).isEqualTo(holder.expiresAt());
                    assertThat(e.getMessage()).contains("locked by session " + holder.sessionId());
                });
    }

    @Test
    default void theSessionHolderCanAppend() {
        StreamId stream = newStreamId();

        try (StreamSession session = store().openSession(stream, TIMEOUT)) {
            session.append(ExpectedVersion.noStream(), oneItem());
            session.append(ExpectedVersion.exact(1), oneItem());
        }

        assertThat(store().currentVersion(stream)).isEqualTo(2);
    }

    @Test
    default void aPlainAppendToALockedStreamFailsAndWritesNothing() {
        StreamId stream = newStreamId();
        StreamSession holder = store().openSession(stream, TIMEOUT);

        assertThatThrownBy(() -> anotherNode("node-b").append(stream, ExpectedVersion.any(), oneItem()))
                .isInstanceOf(StreamLockedException.class)
                .hasMessageContaining(holder.sessionId());

        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void aSessionOnOneStreamDoesNotLockAnother() {
        StreamId locked = newStreamId();
        StreamId free = newStreamId();
        store().openSession(locked, TIMEOUT);

        store().append(free, ExpectedVersion.noStream(), oneItem());

        assertThat(store().currentVersion(free)).isEqualTo(1);
    }

    @Test
    default void closingASessionFreesTheStreamAtOnce() {
        StreamId stream = newStreamId();
        StreamSession first = store().openSession(stream, TIMEOUT);

        first.close();

        try (StreamSession second = anotherNode("node-b").openSession(stream, TIMEOUT)) {
            assertThat(second.sessionId()).startsWith("node-b/");
        }
    }

    @Test
    default void theStreamIsFreeTheMomentALeaseExpires() {
        StreamId stream = newStreamId();
        store().openSession(stream, TIMEOUT);

        clock().advance(TIMEOUT);

        assertThat(anotherNode("node-b").openSession(stream, TIMEOUT).sessionId())
                .startsWith("node-b/");
    }

    @Test
    default void aCrashedWritersLockBlocksOthersOnlyUntilItsTimeout() {
        StreamId stream = newStreamId();
        store().openSession(stream, TIMEOUT); // never closed: its writer "crashed"
        EventStore survivor = anotherNode("node-b");
        clock().advance(TIMEOUT.minusSeconds(1));
        assertThatThrownBy(() -> survivor.append(stream, ExpectedVersion.any(), oneItem()))
                .isInstanceOf(StreamLockedException.class);

        clock().advance(Duration.ofSeconds(1));

        survivor.append(stream, ExpectedVersion.any(), oneItem());
        assertThat(store().currentVersion(stream)).isEqualTo(1);
    }

    @Test
    default void appendingThroughAnExpiredSessionFailsAndWritesNothing() {
        StreamId stream = newStreamId();
        StreamSession session = store().openSession(stream, TIMEOUT);
        clock().advance(TIMEOUT.plusSeconds(1));

        assertThatThrownBy(() -> session.append(ExpectedVersion.any(), oneItem()))
                .isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining(session.sessionId())
                .hasMessageContaining("open a new session");

        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void anExpiredSessionCannotWriteOverItsSuccessor() {
        StreamId stream = newStreamId();
        StreamSession stale = store().openSession(stream, TIMEOUT);
        clock().advance(TIMEOUT);
        StreamSession successor = anotherNode("node-b").openSession(stream, TIMEOUT);
        successor.append(ExpectedVersion.noStream(), oneItem());

        assertThatThrownBy(() -> stale.append(ExpectedVersion.any(), oneItem()))
                .isInstanceOf(SessionExpiredException.class);
        assertThatThrownBy(stale::renew).isInstanceOf(SessionExpiredException.class);

        assertThat(store().currentVersion(stream)).isEqualTo(1);
    }

    @Test
    default void appendingThroughAClosedSessionFails() {
        StreamId stream = newStreamId();
        StreamSession session = store().openSession(stream, TIMEOUT);
        session.close();

        assertThatThrownBy(() -> session.append(ExpectedVersion.any(), oneItem()))
                .isInstanceOf(SessionClosedException.class)
                .hasMessageContaining("closed");
        assertThat(store().currentVersion(stream)).isZero();
    }

    @Test
    default void usingASessionExtendsItsLease() {
        StreamId stream = newStreamId();
        StreamSession session = store().openSession(stream, TIMEOUT);
        clock().advance(Duration.ofSeconds(20));
        session.append(ExpectedVersion.any(), oneItem());

        clock().advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> anotherNode("node-b").openSession(stream, TIMEOUT))
                .isInstanceOf(StreamLockedException.class);
        session.append(ExpectedVersion.exact(1), oneItem());
    }

    @Test
    default void renewingExtendsTheLease() {
        StreamId stream = newStreamId();
        StreamSession session = store().openSession(stream, TIMEOUT);
        clock().advance(Duration.ofSeconds(25));

        session.renew();
        clock().advance(Duration.ofSeconds(25));

        assertThat(session.expiresAt()).isAfter(clock().instant());
        session.append(ExpectedVersion.any(), oneItem());
        assertThat(store().currentVersion(stream)).isEqualTo(1);
    }

    @Test
    default void closingASessionTwiceIsHarmless() {
        StreamSession session = store().openSession(newStreamId(), TIMEOUT);

        session.close();
        session.close();

        assertThatThrownBy(session::renew).isInstanceOf(SessionClosedException.class);
    }
}
