package io.streamdingo.cli.transfer;

import org.jspecify.annotations.Nullable;

/** The check that an export line holds a field it must hold. */
final class Required {

    private Required() {}

    /** @throws IllegalArgumentException naming {@code field} if {@code value} is null */
    static void present(String field, @Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException("it lacks the field '" + field + "'");
        }
    }
}
