package io.streamdingo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.EventType;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamSession;
import io.streamdingo.api.WrongExpectedVersionException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's five-minute tour, line for line, so the README cannot drift from the api. */
class ReadmeTourTest {

    @EventType(name = "AccountOpened")
    record AccountOpened(String owner) {}

    @EventType(name = "MoneyDeposited")
    record MoneyDeposited(long amount) {}

    @Test
    void theTourRunsAsWritten() {
        StoreEngine engine = EventStores.builder()
                .registerIndexed(ReadmeTourTest.class.getClassLoader())
                .buildEngine();
        EventStore store = engine.store();

        StreamId account = StreamId.of("account", "42");
        AppendResult opened = store.append(account, ExpectedVersion.noStream(), NewEvent.of(new AccountOpened("Ada")));
        store.append(account, opened.nextExpectedVersion(), NewEvent.of(new MoneyDeposited(100)));

        try (Stream<RecordedEvent> events = store.read(account)) {
            assertThat(events.map(e -> e.streamVersion() + " " + e.payload()))
                    .containsExactly("1 AccountOpened[owner=Ada]", "2 MoneyDeposited[amount=100]");
        }

        try (StreamSession session = store.openSession(account, Duration.ofSeconds(30))) {
            session.append(ExpectedVersion.exact(2), List.of(NewEvent.of(new MoneyDeposited(5))));
            assertThatThrownBy(() -> store.append(account, ExpectedVersion.any(), NewEvent.of(new MoneyDeposited(1))))
                    .hasMessageContaining("locked by session");
        }

        assertThatThrownBy(() -> store.append(account, ExpectedVersion.exact(2), NewEvent.of(new MoneyDeposited(1))))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store.currentVersion(account)).isEqualTo(3);
    }
}
