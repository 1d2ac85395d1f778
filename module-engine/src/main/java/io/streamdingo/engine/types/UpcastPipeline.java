package io.streamdingo.engine.types;

import io.streamdingo.api.spi.Upcaster;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies upcasters repeatedly until every event is of a type no upcaster reads (SE-2): V1 → V2 → V3 in
 * as many hops as there are upcasters, with splits and drops along the way.
 *
 * <p>Built once with the event store; immutable and thread-safe.
 */
public final class UpcastPipeline {

    /** Guards against upcasters that form a cycle (A → B → A). */
    static final int MAX_HOPS = 64;

    private final EventTypeRegistry registry;
    private final Map<Class<?>, Upcaster<?>> bySource;

    private UpcastPipeline(EventTypeRegistry registry, Map<Class<?>, Upcaster<?>> bySource) {
        this.registry = registry;
        this.bySource = Map.copyOf(bySource);
    }

    /**
     * A pipeline of the {@code @Upcast} methods declared on the registered {@code types} and the explicit
     * {@code upcasters}.
     *
     * @throws IllegalArgumentException if an upcaster reads an unregistered class, two upcasters read the
     *     same class, or an {@code @Upcast} method breaks its rules
     */
    public static UpcastPipeline of(
            EventTypeRegistry registry, Collection<Class<?>> types, Collection<? extends Upcaster<?>> upcasters) {
        Map<Class<?>, Upcaster<?>> bySource = new HashMap<>();
        List<Upcaster<?>> all = new ArrayList<>(upcasters);
        for (Class<?> type : types) {
            UpcastMethod.declaredOn(type, registry).ifPresent(all::add);
        }
        for (Upcaster<?> upcaster : all) {
            Class<?> source = upcaster.sourceType();
            if (!registry.isRegistered(source)) {
                throw new IllegalArgumentException(upcaster + " reads " + source.getName()
                        + ", which is not a registered event type; register it");
            }
            for (Class<?> target : upcaster.targetTypes()) {
                if (!registry.isRegistered(target)) {
                    throw new IllegalArgumentException(upcaster + " upcasts to " + target.getName()
                            + ", which is not a registered event type: its results could not be stored or read;"
                            + " annotate it @EventType and compile with streamdingo-hashing on the processor path (or"
                            + " register it)");
                }
            }
            Upcaster<?> previous = bySource.putIfAbsent(source, upcaster);
            if (previous != null) {
                throw new IllegalArgumentException("both " + previous + " and " + upcaster + " upcast "
                        + source.getName() + "; keep one upcaster per event class");
            }
        }
        return new UpcastPipeline(registry, bySource);
    }

    /**
     * How an event of {@code type} becomes its newest form, one hop per element ({@code "OrderPlaced v1 →
     * OrderPlaced v2 by @Upcast com.acme.OrderPlaced.from"}): empty if no upcaster reads {@code type}. The path
     * follows an upcaster's declared {@linkplain Upcaster#targetTypes() targets}; it ends at an upcaster that
     * declares none (its results are known per event only) or several (a split).
     */
    public List<String> pathFrom(Class<?> type) {
        List<String> hops = new ArrayList<>();
        Class<?> current = type;
        while (bySource.containsKey(current) && hops.size() < MAX_HOPS) {
            Upcaster<?> upcaster = bySource.get(current);
            List<Class<?>> targets = upcaster.targetTypes().stream()
                    .sorted(java.util.Comparator.comparing(Class::getName))
                    .toList();
            String to = targets.isEmpty()
                    ? "(decided per event)"
                    : String.join(
                            ", ",
                            targets.stream()
                                    .map(target ->
                                            EventTypeRegistry.keyOf(target).toString())
                                    .toList());
            hops.add(EventTypeRegistry.keyOf(current) + " → " + to + " by " + describe(upcaster));
            if (targets.size() != 1) {
                break;
            }
            current = targets.get(0);
        }
        return hops;
    }

    /** The upcaster's own description, or its class name instead of Object's, which changes every run. */
    private static String describe(Upcaster<?> upcaster) {
        String described = upcaster.toString();
        String identity = upcaster.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(upcaster));
        return described.equals(identity) ? upcaster.getClass().getName() : described;
    }

    /** Whether an event of {@code type} would be changed by {@link #upcast(Object)}. */
    public boolean upcasts(Class<?> type) {
        return bySource.containsKey(type);
    }

    /**
     * {@code event} brought to its newest form: itself if no upcaster reads its class, otherwise the
     * results of every hop, in order.
     *
     * @throws IllegalStateException if an upcaster returns null, an unregistered type, or the chain does
     *     not end
     * @throws RuntimeException whatever an upcaster throws
     */
    public List<Object> upcast(Object event) {
        return upcast(event, Map.of());
    }

    /**
     * {@code event} brought to the version {@code targets} names for its type (SE-4), or to its newest form
     * for types it does not name.
     */
    public List<Object> upcast(Object event, Map<String, Integer> targets) {
        if (!bySource.containsKey(event.getClass())) {
            return List.of(event);
        }
        List<Object> out = new ArrayList<>(2);
        apply(event, 0, out, targets);
        return out;
    }

    private boolean reached(Object event, Map<String, Integer> targets) {
        if (targets.isEmpty()) {
            return false;
        }
        EventTypeKey key = EventTypeRegistry.keyOf(event.getClass());
        Integer target = targets.get(key.name());
        return target != null && key.version() >= target;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void apply(Object event, int hops, List<Object> out, Map<String, Integer> targets) {
        Upcaster upcaster = bySource.get(event.getClass());
        if (upcaster == null || reached(event, targets)) {
            out.add(event);
            return;
        }
        if (hops >= MAX_HOPS) {
            throw new IllegalStateException("upcasting " + event.getClass().getName() + " did not end after " + MAX_HOPS
                    + " hops; the upcasters form a cycle");
        }
        List<?> results = upcaster.upcast(event);
        if (results == null) {
            throw new IllegalStateException(upcaster + " returned null; return an empty list to drop an event");
        }
        for (Object result : results) {
            if (result == null || !registry.isRegistered(result.getClass())) {
                throw new IllegalStateException(upcaster + " returned "
                        + (result == null ? "null" : "a " + result.getClass().getName())
                        + ", which is not a registered event type");
            }
            apply(result, hops + 1, out, targets);
        }
    }
}
