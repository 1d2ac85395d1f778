package io.streamdingo.engine.types;

import java.util.regex.Pattern;

/**
 * The stable identity of an event schema: its type name and version (SE-1).
 *
 * @param name the type name, 1 to 200 characters of letters, digits, {@code . _ -} and {@code $}
 * @param version the schema version, 1 or more
 */
public record EventTypeKey(String name, int version) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._$-]{1,200}");

    public EventTypeKey {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "event type name '" + name + "' is invalid: use 1 to 200 letters, digits, '.', '_', '-' or '$'");
        }
        if (version < 1) {
            throw new IllegalArgumentException(
                    "event type " + name + " has schema version " + version + "; versions start at 1");
        }
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
