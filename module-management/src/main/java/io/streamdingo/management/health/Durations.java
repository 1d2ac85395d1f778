package io.streamdingo.management.health;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads the checks' duration settings: positive ISO-8601 durations, or a failure naming the key. */
final class Durations {

    private Durations() {}

    static Duration positive(String key, String value) {
        try {
            Duration duration = Duration.parse(value.trim());
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new IllegalArgumentException("configuration key " + key + " has the value '" + value
                + "'; it must be a positive ISO-8601 duration such as PT5M");
    }
}
