package io.streamdingo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store deserializes an immutable event once and shares it; anything else per read. */
class DecodedEventsTest {

    record Opened(String owner, long limit) {}

    record Tagged(List<String> tags) {}

    private final StreamId account = StreamId.of("account", "1");

    @Test
    void anEventOfAnImmutableRecordIsDecodedOnceAndTheSameInstanceServesLaterReads() {
        try (EventStore store = EventStores.inMemory(Opened.class)) {
            store.append(account, ExpectedVersion.noStream(), NewEvent.of(new Opened("ada", 100)));

            RecordedEvent first = store.read(account).findFirst().orElseThrow();
            RecordedEvent second = store.read(account).findFirst().orElseThrow();

            assertThat(second).isSameAs(first);
            assertThat(second.payload()).isEqualTo(new Opened("ada", 100));
        }
    }

    @Test
    void anEventWhosePayloadCouldBeChangedIsDecodedAgainForEveryRead() {
        try (EventStore store = EventStores.inMemory(Tagged.class)) {
            store.append(account, ExpectedVersion.noStream(), NewEvent.of(new Tagged(new ArrayList<>(List.of("a")))));
            Tagged first =
                    (Tagged) store.read(account).findFirst().orElseThrow().payload();

            Tagged second =
                    (Tagged) store.read(account).findFirst().orElseThrow().payload();

            assertThat(second).isNotSameAs(first).isEqualTo(first);
        }
    }

    @Test
    void theAppendedObjectItselfIsNeverHandedOutButWhatTheStoredBytesDecodeTo() {
        try (EventStore store = EventStores.inMemory(Opened.class)) {
            Opened appended = new Opened("ada", 100);
            store.append(account, ExpectedVersion.noStream(), NewEvent.of(appended));

            Object read = store.read(account).findFirst().orElseThrow().payload();

            assertThat(read).isNotSameAs(appended).isEqualTo(appended);
        }
    }
}
