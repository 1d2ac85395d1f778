package io.streamdingo.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One registered event type at one schema version, as the schema registry keeps it: so that another service
 * or an operator can learn what the events of a type look like without the application's classes.
 *
 * @param name the stable type name ({@link EventType#name()}, or the class name without the annotation)
 * @param version the schema version, 1 or more
 * @param javaType the fully qualified name of the class registered for this name and version
 * @param jsonSchema a JSON Schema (draft 2020-12) of the event's payload, generated from the class, in
 *     canonical JSON (members sorted, no insignificant whitespace)
 * @param fingerprint the SHA-256 of {@code jsonSchema}, 64 lower-case hex digits: equal fingerprints mean equal
 *     schemas
 * @param upcastPath how an event of this version becomes the newest form, one hop per element (for example
 *     {@code "OrderPlaced v1 → OrderPlaced v2 by @Upcast com.acme.OrderPlaced.from"}); empty for a version
 *     that no upcaster reads
 * @param registeredAt when this schema was written to the registry (first seen, or last changed)
 */
public record EventSchema(
        String name,
        int version,
        String javaType,
        String jsonSchema,
        String fingerprint,
        List<String> upcastPath,
        Instant registeredAt) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the name or Java type is blank, the version below 1, or the
     *     fingerprint not a SHA-256 in hex
     */
    public EventSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (name.isBlank() || javaType.isBlank()) {
            throw new IllegalArgumentException("an event schema needs a type name and a Java type; got name '" + name
                    + "' and Java type '" + javaType + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a schema version is 1 or more; got " + version + " for " + name);
        }
        if (!SHA_256.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException(
                    "a schema fingerprint is a SHA-256 in 64 lower-case hex digits; got '" + fingerprint + "'");
        }
        upcastPath = List.copyOf(upcastPath);
    }

    /** This schema's name and version. */
    public Key key() {
        return new Key(name, version);
    }

    /**
     * A type name and schema version: what identifies a schema in the registry, and the order it lists them
     * in (by name, then version).
     *
     * @param name the type name
     * @param version the schema version
     */
    public record Key(String name, int version) implements Comparable<Key> {

        /** Checks the values. */
        public Key {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public int compareTo(Key other) {
            int byName = name.compareTo(other.name);
            return byName != 0 ? byName : Integer.compare(version, other.version);
        }

        @Override
        public String toString() {
            return name + " v" + version;
        }
    }
}
