package io.streamdingo.api;

/**
 * Which events of one stream to read, and in which direction (ES-3).
 *
 * <p>Bounds are inclusive stream versions. A range that reaches past the stream's end, or starts after
 * it, simply returns fewer or no events: it is never an error.
 *
 * @param fromVersion the first version to return, at least 1
 * @param toVersion the last version to return, at least {@code fromVersion}; {@link Long#MAX_VALUE} for
 *     "to the end"
 * @param direction {@link ReadDirection#FORWARDS} from {@code fromVersion} up, or
 *     {@link ReadDirection#BACKWARDS} from {@code toVersion} down
 */
public record StreamRange(long fromVersion, long toVersion, ReadDirection direction) {

    /** Marks an open upper bound. */
    public static final long END = Long.MAX_VALUE;

    /** @throws IllegalArgumentException if a bound is below 1 or the bounds are reversed */
    public StreamRange {
        if (fromVersion < 1) {
            throw new IllegalArgumentException("a stream range starts at version 1 or later, not " + fromVersion);
        }
        if (toVersion < fromVersion) {
            throw new IllegalArgumentException("a stream range must not end (" + toVersion + ") before it starts ("
                    + fromVersion + "); use backwards() to read in reverse");
        }
        if (direction == null) {
            throw new IllegalArgumentException("direction must not be null");
        }
    }

    /** The whole stream, oldest first. */
    public static StreamRange all() {
        return new StreamRange(1, END, ReadDirection.FORWARDS);
    }

    /** Versions {@code from} to {@code to}, both included, oldest first. */
    public static StreamRange slice(long from, long to) {
        return new StreamRange(from, to, ReadDirection.FORWARDS);
    }

    /** Version {@code from} to the end, oldest first. */
    public static StreamRange from(long from) {
        return new StreamRange(from, END, ReadDirection.FORWARDS);
    }

    /** The whole stream, newest first. */
    public static StreamRange backwards() {
        return new StreamRange(1, END, ReadDirection.BACKWARDS);
    }

    /** Version {@code from} down to version 1, newest first. */
    public static StreamRange backwardsFrom(long from) {
        return new StreamRange(1, from, ReadDirection.BACKWARDS);
    }
}
