package io.streamdingo.api.spi;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an event of an older schema version into its replacement(s) (SE-2): usually one event of the next
 * version, but an upcaster may also split an event into several or drop it (return an empty list).
 *
 * <p>The engine applies upcasters on every read, repeatedly, until no upcaster is registered for the
 * result's type and version, so chains V1 → V2 → V3 need one upcaster per hop. For the common one-to-one
 * case a static method annotated {@link io.streamdingo.api.Upcast} on the newer class is simpler.
 *
 * @param <S> the older event class (a registered event type)
 */
public interface Upcaster<S> {

    /** The event class this upcaster reads; at most one upcaster per class. */
    Class<S> sourceType();

    /**
     * The replacement events; each must be an instance of a registered event type.
     *
     * @return zero (drop), one, or several events; never null
     */
    List<?> upcast(S event);

    /**
     * The event classes {@link #upcast} returns, when the upcaster knows them: the engine checks at start-up
     * that each is a registered event type. Empty (the default) when they are not known in advance; each
     * result is then checked when it is read.
     */
    default Set<Class<?>> targetTypes() {
        return Set.of();
    }

    /**
     * A one-to-one upcaster from {@code sourceType} to {@code targetType}, checked at start-up: both must be
     * registered event types.
     */
    static <S, T> Upcaster<S> of(Class<S> sourceType, Class<T> targetType, Function<? super S, ? extends T> upcast) {
        Objects.requireNonNull(targetType, "targetType");
        Upcaster<S> upcaster = of(sourceType, upcast);
        return new Upcaster<>() {
            @Override
            public Class<S> sourceType() {
                return sourceType;
            }

            @Override
            public Set<Class<?>> targetTypes() {
                return Set.of(targetType);
            }

            @Override
            public List<?> upcast(S event) {
                return upcaster.upcast(event);
            }

            @Override
            public String toString() {
                return "Upcaster[" + sourceType.getName() + " -> " + targetType.getName() + "]";
            }
        };
    }

    /** A one-to-one upcaster from a function. */
    static <S> Upcaster<S> of(Class<S> sourceType, Function<? super S, ?> upcast) {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(upcast, "upcast");
        return split(sourceType, event -> List.of(upcast.apply(event)));
    }

    /** An upcaster that may split or drop events. */
    static <S> Upcaster<S> split(Class<S> sourceType, Function<? super S, ? extends List<?>> upcast) {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(upcast, "upcast");
        return new Upcaster<>() {
            @Override
            public Class<S> sourceType() {
                return sourceType;
            }

            @Override
            public List<?> upcast(S event) {
                return upcast.apply(event);
            }

            @Override
            public String toString() {
                return "Upcaster[" + sourceType.getName() + "]";
            }
        };
    }
}
