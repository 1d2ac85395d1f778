package io.streamdingo.store.jpa;

import io.streamdingo.store.jpa.entity.StreamHead;
import java.util.List;
import java.util.Map;

/**
 * The store's own mapping, shipped with it: pass {@link #properties()} when creating the entity manager
 * factory, and the persistence unit needs no {@code <class>} entry for the store (only its name and data
 * source). The CDI producer does this for the unit it creates; an application that creates its own factory
 * for the store does it too, or lists {@code io.streamdingo.store.jpa.entity.StreamHead} in the unit.
 */
public final class StoreMapping {

    /** Hibernate's setting for classes a unit manages besides those it lists. */
    static final String LOADED_CLASSES = "hibernate.loaded_classes";

    private StoreMapping() {}

    /**
     * Properties for {@code Persistence.createEntityManagerFactory(unit, properties)} that add the store's
     * entity to the unit; a unit that lists it already is unaffected.
     */
    public static Map<String, Object> properties() {
        return Map.of(LOADED_CLASSES, entityClasses());
    }

    /** The store's entity classes, for a factory built with Hibernate's own bootstrap. */
    public static List<Class<?>> entityClasses() {
        return List.of(StreamHead.class);
    }
}
