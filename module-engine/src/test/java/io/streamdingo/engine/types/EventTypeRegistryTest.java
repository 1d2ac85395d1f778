package io.streamdingo.engine.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypeRegistryTest {

    @EventType(name = "shop.OrderPlaced", version = 2)
    record OrderPlaced(String id) {}

    record Unannotated(String id) {}

    @EventType(name = "shop.OrderPlaced", version = 2)
    record Impostor(String id) {}

    @EventType(name = "has space")
    record BadName() {}

    @EventType(name = "shop.Zero", version = 0)
    record VersionZero() {}

    abstract static class AbstractEvent {}

    class InnerEvent {}

    @Test
    void annotatedClassUsesItsDeclaredNameAndVersion() {
        assertThat(EventTypeRegistry.keyOf(OrderPlaced.class)).isEqualTo(new EventTypeKey("shop.OrderPlaced", 2));
    }

    @Test
    void unannotatedClassIsVersionOneUnderItsFullyQualifiedName() {
        assertThat(EventTypeRegistry.keyOf(Unannotated.class))
                .isEqualTo(new EventTypeKey(Unannotated.class.getName(), 1));
    }

    @Test
    void registeredClassesAreFoundBothWays() {
        EventTypeRegistry registry = EventTypeRegistry.of(List.of(OrderPlaced.class));

        assertThat(registry.classFor(new EventTypeKey("shop.OrderPlaced", 2))).contains(OrderPlaced.class);
        assertThat(registry.keyFor(OrderPlaced.class)).contains(new EventTypeKey("shop.OrderPlaced", 2));
        assertThat(registry.keyFor(Unannotated.class)).isEmpty();
    }

    @Test
    void twoClassesClaimingOneNameAndVersionAreRejectedNamingBoth() {
        assertThatThrownBy(() -> EventTypeRegistry.of(List.of(OrderPlaced.class, Impostor.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(OrderPlaced.class.getName())
                .hasMessageContaining(Impostor.class.getName());
    }

    @Test
    void malformedNamesAndVersionsAreRejected() {
        assertThatThrownBy(() -> EventTypeRegistry.keyOf(BadName.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has space");
        assertThatThrownBy(() -> EventTypeRegistry.keyOf(VersionZero.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("versions start at 1");
    }

    @Test
    void classesThatCannotBeInstantiatedAreRejected() {
        assertThatThrownBy(() -> EventTypeRegistry.keyOf(AbstractEvent.class)).hasMessageContaining("abstract");
        assertThatThrownBy(() -> EventTypeRegistry.keyOf(Runnable.class)).hasMessageContaining("interface");
        assertThatThrownBy(() -> EventTypeRegistry.keyOf(InnerEvent.class)).hasMessageContaining("inner");
    }
}
