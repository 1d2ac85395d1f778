package io.streamdingo.engine.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventType;
import io.streamdingo.api.Upcast;
import io.streamdingo.api.spi.Upcaster;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpcastPipelineTest {

    @EventType(name = "Renamed", version = 1)
    record RenamedV1(String name) {}

    @EventType(name = "Renamed", version = 2)
    record Renamed(String first, String last) {
        @Upcast
        static Renamed from(RenamedV1 old) {
            String[] parts = old.name().split(" ", 2);
            return new Renamed(parts[0], parts.length > 1 ? parts[1] : "");
        }
    }

    @EventType(name = "Skip", version = 1)
    record SkipV1() {}

    @EventType(name = "Skip", version = 3)
    record SkipV3() {
        @Upcast
        static SkipV3 from(SkipV1 old) {
            return new SkipV3();
        }
    }

    @EventType(name = "NotStatic", version = 1)
    record NotStaticV1() {}

    @EventType(name = "NotStatic", version = 2)
    record NotStaticV2() {
        @Upcast
        NotStaticV2 from(NotStaticV1 old) {
            return this;
        }
    }

    @EventType(name = "Twice", version = 1)
    record TwiceV1() {}

    @EventType(name = "Twice", version = 2)
    record TwiceV2() {
        @Upcast
        static TwiceV2 from(TwiceV1 old) {
            return new TwiceV2();
        }

        @Upcast
        static TwiceV2 alsoFrom(TwiceV1 old) {
            return new TwiceV2();
        }
    }

    @EventType(name = "Wrong", version = 1)
    record WrongV1() {}

    @EventType(name = "Wrong", version = 2)
    record WrongV2() {
        @Upcast
        static Object from(WrongV1 old) {
            return new WrongV2();
        }
    }

    @EventType(name = "Failing", version = 1)
    record FailingV1(String reason) {}

    @EventType(name = "Failing", version = 2)
    record FailingV2() {
        @Upcast
        static FailingV2 from(FailingV1 old) throws Exception {
            if (old.reason().equals("checked")) {
                throw new java.io.IOException("lookup table missing");
            }
            throw new IllegalArgumentException("cannot upcast " + old.reason());
        }
    }

    @EventType(name = "Ping")
    record Ping() {}

    @EventType(name = "Pong")
    record Pong() {}

    record Stray() {}

    private static UpcastPipeline pipeline(List<Class<?>> types, List<Upcaster<?>> upcasters) {
        return UpcastPipeline.of(EventTypeRegistry.of(types), types, upcasters);
    }

    @Test
    void staticUpcastMethodTurnsTheOldVersionIntoTheNewOne() {
        UpcastPipeline pipeline = pipeline(List.of(RenamedV1.class, Renamed.class), List.of());

        assertThat(pipeline.upcast(new RenamedV1("Ada Lovelace"))).containsExactly(new Renamed("Ada", "Lovelace"));
    }

    @Test
    void eventsWithoutUpcasterPassThroughUnchanged() {
        UpcastPipeline pipeline = pipeline(List.of(RenamedV1.class, Renamed.class), List.of());
        Renamed newest = new Renamed("Grace", "Hopper");

        assertThat(pipeline.upcasts(Renamed.class)).isFalse();
        assertThat(pipeline.upcast(newest)).containsExactly(newest);
    }

    @Test
    void anUpcastMethodThatSkipsAVersionIsRejectedAtBuild() {
        assertThatThrownBy(() -> pipeline(List.of(SkipV1.class, SkipV3.class), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from version n to n+1");
    }

    @Test
    void aNonStaticUpcastMethodIsRejectedAtBuild() {
        assertThatThrownBy(() -> pipeline(List.of(NotStaticV1.class, NotStaticV2.class), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be static");
    }

    @Test
    void anUpcastMethodFromAnUnregisteredClassIsRejectedAtBuild() {
        assertThatThrownBy(() -> pipeline(List.of(Renamed.class), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RenamedV1.class.getName())
                .hasMessageContaining("not a registered event type");
    }

    @Test
    void twoUpcastersForOneClassAreRejectedAtBuild() {
        Upcaster<RenamedV1> extra = Upcaster.of(RenamedV1.class, old -> new Renamed(old.name(), ""));

        assertThatThrownBy(() -> pipeline(List.of(RenamedV1.class, Renamed.class), List.of(extra)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one upcaster per event class");
    }

    @Test
    void anUpcasterOfAnUnregisteredClassIsRejectedAtBuild() {
        assertThatThrownBy(() -> pipeline(List.of(Ping.class), List.of(Upcaster.of(Stray.class, s -> new Ping()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Stray.class.getName());
    }

    @Test
    void upcastersThatFormACycleFailInsteadOfLoopingForever() {
        UpcastPipeline pipeline = pipeline(
                List.of(Ping.class, Pong.class),
                List.of(Upcaster.of(Ping.class, p -> new Pong()), Upcaster.of(Pong.class, p -> new Ping())));

        assertThatThrownBy(() -> pipeline.upcast(new Ping()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void anUpcasterDeclaringAnUnregisteredTargetIsRejectedAtBuildNamingIt() {
        assertThatThrownBy(() ->
                        pipeline(List.of(Ping.class), List.of(Upcaster.of(Ping.class, Stray.class, p -> new Stray()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upcasts to " + Stray.class.getName())
                .hasMessageContaining("not a registered event type");
    }

    @Test
    void anUpcasterDeclaringARegisteredTargetUpcastsToIt() {
        UpcastPipeline pipeline = pipeline(
                List.of(Ping.class, Pong.class), List.of(Upcaster.of(Ping.class, Pong.class, p -> new Pong())));

        assertThat(pipeline.upcast(new Ping())).singleElement().isInstanceOf(Pong.class);
    }

    @Test
    void anUpcasterReturningAnUnregisteredTypeFails() {
        UpcastPipeline pipeline = pipeline(List.of(Ping.class), List.of(Upcaster.of(Ping.class, p -> new Stray())));

        assertThatThrownBy(() -> pipeline.upcast(new Ping()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a registered event type");
    }

    @Test
    void anUpcasterReturningNullFailsPointingToTheEmptyList() {
        UpcastPipeline pipeline = pipeline(List.of(Ping.class), List.of(Upcaster.split(Ping.class, p -> null)));

        assertThatThrownBy(() -> pipeline.upcast(new Ping()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty list");
    }

    @Test
    void aClassWithSeveralUpcastMethodsIsRejectedAtBuild() {
        assertThatThrownBy(() -> pipeline(List.of(TwiceV1.class, TwiceV2.class), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares several @Upcast methods");
    }

    @Test
    void anUpcastMethodThatDoesNotReturnItsClassIsRejectedAtBuild() {
        assertThatThrownBy(() -> pipeline(List.of(WrongV1.class, WrongV2.class), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must return WrongV2");
    }

    @Test
    void anUpcastMethodsOwnExceptionReachesTheReaderUnchanged() {
        UpcastPipeline pipeline = pipeline(List.of(FailingV1.class, FailingV2.class), List.of());

        assertThatThrownBy(() -> pipeline.upcast(new FailingV1("a reason")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot upcast a reason");
    }

    @Test
    void aCheckedExceptionOfAnUpcastMethodIsWrappedNamingTheMethod() {
        UpcastPipeline pipeline = pipeline(List.of(FailingV1.class, FailingV2.class), List.of());

        assertThatThrownBy(() -> pipeline.upcast(new FailingV1("checked")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed")
                .hasCauseInstanceOf(java.io.IOException.class);
    }
}
