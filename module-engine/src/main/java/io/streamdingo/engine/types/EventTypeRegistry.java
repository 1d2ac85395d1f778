package io.streamdingo.engine.types;

import io.streamdingo.api.EventType;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registered event classes and their {@link EventTypeKey}s, both ways (SE-1). Immutable once built;
 * lookups are lock-free.
 */
public final class EventTypeRegistry {

    private final Map<Class<?>, EventTypeKey> keysByClass;
    private final Map<EventTypeKey, Class<?>> classesByKey;
    private final Map<String, Class<?>> newestByName = new HashMap<>();
    /** name → classes by version, for the read path, which must not validate a key per event. */
    private final Map<String, Map<Integer, Class<?>>> byNameAndVersion = new HashMap<>();

    private EventTypeRegistry(Map<Class<?>, EventTypeKey> keysByClass, Map<EventTypeKey, Class<?>> classesByKey) {
        this.keysByClass = Map.copyOf(keysByClass);
        this.classesByKey = Map.copyOf(classesByKey);
        Map<String, Integer> newestVersion = new HashMap<>();
        classesByKey.forEach((key, type) -> byNameAndVersion
                .computeIfAbsent(key.name(), n -> new HashMap<>())
                .put(key.version(), type));
        classesByKey.forEach((key, type) -> {
            if (newestVersion.merge(key.name(), key.version(), Math::max) == key.version()) {
                newestByName.put(key.name(), type);
            }
        });
    }

    /**
     * Registers {@code types}.
     *
     * @throws IllegalArgumentException if a class cannot be an event type (abstract, an interface, local or
     *     anonymous, an enum or array) or two classes claim the same name and version
     */
    public static EventTypeRegistry of(Collection<Class<?>> types) {
        Map<Class<?>, EventTypeKey> keysByClass = new HashMap<>();
        Map<EventTypeKey, Class<?>> classesByKey = new HashMap<>();
        for (Class<?> type : types) {
            EventTypeKey key = keyOf(type);
            Class<?> previous = classesByKey.putIfAbsent(key, type);
            if (previous != null && previous != type) {
                throw new IllegalArgumentException("event type " + key + " is claimed by both " + previous.getName()
                        + " and " + type.getName() + "; give one of them another @EventType name or version");
            }
            keysByClass.put(type, key);
        }
        return new EventTypeRegistry(keysByClass, classesByKey);
    }

    /**
     * The name and version {@code type} declares: its {@link EventType} annotation, or version 1 under its
     * fully qualified name.
     */
    public static EventTypeKey keyOf(Class<?> type) {
        requireUsableClass(type);
        EventType annotation = type.getAnnotation(EventType.class);
        return annotation == null
                ? new EventTypeKey(type.getName(), 1)
                : new EventTypeKey(annotation.name(), annotation.version());
    }

    /** True if some registered event class is a {@code type} (the class itself, a subclass or an implementation). */
    public boolean hasEventsOf(Class<?> type) {
        return keysByClass.keySet().stream().anyMatch(type::isAssignableFrom);
    }

    /** The key of a registered class, or empty. */
    public Optional<EventTypeKey> keyFor(Class<?> type) {
        return Optional.ofNullable(keysByClass.get(type));
    }

    /** The class registered for {@code key}, or empty. */
    public Optional<Class<?>> classFor(EventTypeKey key) {
        return Optional.ofNullable(classesByKey.get(key));
    }

    /** The class registered for {@code name} at {@code version}, or empty; no validation of the name. */
    public Optional<Class<?>> classFor(String name, int version) {
        Map<Integer, Class<?>> versions = byNameAndVersion.get(name);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The class of the newest registered version of {@code name}, or empty. */
    public Optional<Class<?>> newestClass(String name) {
        return Optional.ofNullable(newestByName.get(name));
    }

    /** Every registered class with its key, in no particular order. */
    public Map<Class<?>, EventTypeKey> registered() {
        return keysByClass;
    }

    /** Whether {@code type} is registered. */
    public boolean isRegistered(Class<?> type) {
        return keysByClass.containsKey(type);
    }

    private static void requireUsableClass(Class<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("event type class must not be null");
        }
        String problem = null;
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            problem = "is abstract or an interface";
        } else if (type.isArray() || type.isPrimitive() || type.isEnum()) {
            problem = "is an array, primitive or enum";
        } else if (type.isAnonymousClass() || type.isLocalClass()) {
            problem = "is anonymous or local";
        } else if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            problem = "is an inner (non-static) class";
        }
        if (problem != null) {
            throw new IllegalArgumentException(
                    type.getName() + " cannot be an event type: it " + problem + "; use a record or a concrete class");
        }
    }
}
