package io.streamdingo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.Upcaster;
import org.junit.jupiter.api.Test;

class EventStoreBuilderTest {

    record Opened(String owner) {}

    record Stray() {}

    @Test
    void inMemoryStoreWorksWithNothingButItsEventTypes() {
        try (EventStore store = EventStores.inMemory(Opened.class)) {
            StreamId account = StreamId.of("account", "1");

            store.append(account, ExpectedVersion.noStream(), NewEvent.of(new Opened("ada")));

            assertThat(store.read(account).map(RecordedEvent::payload)).containsExactly(new Opened("ada"));
        }
    }

    @Test
    void settingsOutOfRangeAreRejectedNamingTheRange() {
        EventStoreBuilder builder = EventStores.builder();

        assertThatThrownBy(() -> builder.pageSize(0)).hasMessageContaining("between 1 and 100000");
        assertThatThrownBy(() -> builder.maxPayloadBytes(0)).hasMessageContaining("64 MiB");
        assertThatThrownBy(() -> builder.nodeName(" ")).hasMessageContaining("node name");
        assertThatThrownBy(() -> builder.register((Class<?>) null)).hasMessageContaining("null");
    }

    @Test
    void anUpcasterOfAnUnregisteredClassFailsTheBuild() {
        EventStoreBuilder builder =
                EventStores.builder().register(Opened.class).upcaster(Upcaster.of(Stray.class, s -> new Opened("?")));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Stray.class.getName());
    }
}
