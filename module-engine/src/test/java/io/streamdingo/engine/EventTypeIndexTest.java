package io.streamdingo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.EventType;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.UnknownEventTypeException;
import io.streamdingo.engine.types.EventTypeIndex;
import org.junit.jupiter.api.Test;

/** Event types listed in the index the annotation processor writes are registered without code. */
class EventTypeIndexTest {

    @EventType(name = "shop.OrderPlaced")
    record OrderPlaced(String order) {}

    record NoLongerAnEvent(String order) {}

    private final StreamId order = StreamId.of("order", "1");
    private final ClassLoader loader = EventTypeIndexTest.class.getClassLoader();

    @Test
    void anIndexedEventTypeIsStoredAndReadWithoutBeingRegisteredInCode() {
        try (EventStore store = EventStores.builder().registerIndexed(loader).build()) {
            store.append(order, ExpectedVersion.noStream(), NewEvent.of(new OrderPlaced("o-1")));

            assertThat(store.read(order).map(RecordedEvent::payload)).containsExactly(new OrderPlaced("o-1"));
            assertThat(store.read(order).map(RecordedEvent::eventType)).containsExactly("shop.OrderPlaced");
        }
    }

    @Test
    void namesOfAnEarlierBuildWhoseClassIsGoneOrNoLongerAnnotatedAreSkipped() {
        assertThat(EventTypeIndex.load(loader))
                .containsExactlyInAnyOrder(
                        OrderPlaced.class, ReadmeTourTest.AccountOpened.class, ReadmeTourTest.MoneyDeposited.class);
    }

    @Test
    void aTypeThatIsNeitherIndexedNorRegisteredIsStillRefused() {
        try (EventStore store = EventStores.builder().registerIndexed(loader).build()) {
            assertThatThrownBy(() ->
                            store.append(order, ExpectedVersion.noStream(), NewEvent.of(new NoLongerAnEvent("o-1"))))
                    .isInstanceOf(UnknownEventTypeException.class);
        }
    }

    @Test
    void aTypeRegisteredInCodeAndIndexedIsRegisteredOnce() {
        try (EventStore store = EventStores.builder()
                .register(OrderPlaced.class)
                .registerIndexed(loader)
                .build()) {
            store.append(order, ExpectedVersion.noStream(), NewEvent.of(new OrderPlaced("o-1")));

            assertThat(store.currentVersion(order)).isEqualTo(1);
        }
    }
}
