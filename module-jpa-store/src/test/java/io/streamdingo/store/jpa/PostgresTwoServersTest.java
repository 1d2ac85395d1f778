package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamLockedException;
import io.streamdingo.api.StreamSession;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ES-7 and ES-1 across servers: two stores with their own entity manager factories and connection pools,
 * sharing only the PostgreSQL database, as two application servers would.
 */
class PostgresTwoServersTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private EntityManagerFactory secondFactory;
    private EventStore serverA;
    private EventStore serverB;
    private final StreamId stream = StreamId.of("account", "shared-" + UUID.randomUUID());

    @BeforeEach
    void startTwoServers() {
        secondFactory = SCHEMA.anotherServer();
        serverA = server("server-a", SCHEMA.entityManagerFactory());
        serverB = server("server-b", secondFactory);
    }

    @AfterEach
    void stopServers() {
        serverA.close();
        serverB.close();
        secondFactory.close();
    }

    private static EventStore server(String name, EntityManagerFactory emf) {
        return EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(ItemAdded.class)
                .nodeName(name)
                .build();
    }

    @Test
    void aSessionOnOneServerLocksTheStreamForTheOther() {
        try (StreamSession session = serverA.openSession(stream, Duration.ofMinutes(1))) {
            session.append(ExpectedVersion.noStream(), NewEvent.all(new ItemAdded("a", 1)));

            assertThatThrownBy(() -> serverB.openSession(stream, Duration.ofMinutes(1)))
                    .isInstanceOf(StreamLockedException.class)
                    .hasMessageContaining("server-a/");
            assertThatThrownBy(() -> serverB.append(stream, ExpectedVersion.any(), NewEvent.all(new ItemAdded("b", 1))))
                    .isInstanceOf(StreamLockedException.class);
        }

        serverB.append(stream, ExpectedVersion.exact(1), NewEvent.all(new ItemAdded("b", 1)));
        assertThat(serverA.currentVersion(stream)).isEqualTo(2);
    }

    @Test
    void aStaleAppendFromTheOtherServerIsAConflict() {
        serverA.append(stream, ExpectedVersion.noStream(), NewEvent.all(new ItemAdded("a", 1)));
        serverB.append(stream, ExpectedVersion.exact(1), NewEvent.all(new ItemAdded("b", 1)));

        assertThatThrownBy(() -> serverA.append(stream, ExpectedVersion.exact(1), NewEvent.all(new ItemAdded("a", 2))))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion())
                        .isEqualTo(2));
    }

    @Test
    void appendsFromBothServersInTurnKeepOneUnbrokenHashChain() {
        serverA.append(stream, ExpectedVersion.noStream(), NewEvent.all(new ItemAdded("a", 1)));
        serverA.append(stream, ExpectedVersion.exact(1), NewEvent.all(new ItemAdded("a", 2)));
        serverB.append(stream, ExpectedVersion.exact(2), NewEvent.all(new ItemAdded("b", 1)));
        serverA.append(stream, ExpectedVersion.any(), NewEvent.all(new ItemAdded("a", 3), new ItemAdded("a", 4)));
        serverB.append(stream, ExpectedVersion.exact(5), NewEvent.all(new ItemAdded("b", 2)));

        assertThat(serverA.verify(stream)).isInstanceOf(StreamVerification.Intact.class);
        assertThat(serverB.currentVersion(stream)).isEqualTo(6);
    }

    @Test
    void aSessionOpenedOnTheOtherServerLocksOutAServerThatWroteTheStreamJustBefore() {
        serverA.append(stream, ExpectedVersion.noStream(), NewEvent.all(new ItemAdded("a", 1)));
        serverA.append(stream, ExpectedVersion.exact(1), NewEvent.all(new ItemAdded("a", 2)));

        try (StreamSession session = serverB.openSession(stream, Duration.ofMinutes(1))) {
            assertThatThrownBy(
                            () -> serverA.append(stream, ExpectedVersion.exact(2), NewEvent.all(new ItemAdded("a", 3))))
                    .isInstanceOf(StreamLockedException.class);
            session.append(ExpectedVersion.exact(2), NewEvent.all(new ItemAdded("b", 1)));
        }

        assertThat(serverA.currentVersion(stream)).isEqualTo(3);
    }

    @Test
    void aSessionOfAServerThatDiesLocksTheStreamUntilItsLeaseExpiresThenTheOtherServerWrites() throws Exception {
        // given server A holds a 2-second session on the stream and dies without closing it
        StreamSession abandoned = serverA.openSession(stream, Duration.ofSeconds(2));
        abandoned.append(ExpectedVersion.noStream(), NewEvent.all(new ItemAdded("a", 1)));
        long diedAt = System.nanoTime();

        // when server B writes at once, and again after the lease
        assertThatThrownBy(() -> serverB.append(stream, ExpectedVersion.exact(1), NewEvent.all(new ItemAdded("b", 1))))
                .isInstanceOf(StreamLockedException.class)
                .hasMessageContaining("server-a/");
        Thread.sleep(Math.max(
                0, Duration.ofSeconds(2).minusNanos(System.nanoTime() - diedAt).toMillis() + 200));
        serverB.append(stream, ExpectedVersion.exact(1), NewEvent.all(new ItemAdded("b", 1)));

        // then the stream moved on from the dead server's last event, and its session can write no more
        assertThat(serverB.currentVersion(stream)).isEqualTo(2);
        assertThatThrownBy(() -> abandoned.append(ExpectedVersion.exact(2), NewEvent.all(new ItemAdded("a", 2))))
                .isInstanceOf(io.streamdingo.api.SessionExpiredException.class);
    }
}
