package io.streamdingo.api.streams;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a new subscription (or a reset consumer) starts in the global order (ST-5, ST-6). A consumer with a
 * stored position resumes there instead.
 */
public sealed interface StartPosition {

    /** From the first event: catch up on history, then continue live. */
    static StartPosition beginning() {
        return new AfterPosition(0);
    }

    /** Only events appended after the subscription first starts. */
    static StartPosition latest() {
        return Latest.INSTANCE;
    }

    /** The events after global position {@code position}. */
    static StartPosition after(long position) {
        return new AfterPosition(position);
    }

    /** The events recorded at or after {@code time}. */
    static StartPosition at(Instant time) {
        return new AtTime(time);
    }

    /** The head of the global order when the subscription starts. */
    enum Latest implements StartPosition {
        INSTANCE
    }

    /**
     * After a global position.
     *
     * @param position 0 for the beginning
     */
    record AfterPosition(long position) implements StartPosition {
        public AfterPosition {
            if (position < 0) {
                throw new IllegalArgumentException("a start position is 0 or more; got " + position);
            }
        }
    }

    /**
     * From a point in time.
     *
     * @param time the earliest recorded-at to deliver
     */
    record AtTime(Instant time) implements StartPosition {
        public AtTime {
            Objects.requireNonNull(time, "time");
        }
    }
}
