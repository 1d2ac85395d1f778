package io.streamdingo.api;

/**
 * What the writer believes about a stream's current version when it appends: the condition of an
 * optimistic-concurrency append.
 *
 * <ul>
 *   <li>{@link #any()}: append whatever the version is (no concurrency check);
 *   <li>{@link #noStream()}: the stream must not have any events yet;
 *   <li>{@link #exact(long)}: the stream's current version must be exactly {@code n} (n &ge; 1).
 * </ul>
 *
 * <p>When the condition does not hold the append fails with {@link WrongExpectedVersionException} and
 * writes nothing.
 */
public sealed interface ExpectedVersion permits ExpectedVersion.Any, ExpectedVersion.NoStream, ExpectedVersion.Exact {

    /** No concurrency check. */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** The stream must be empty (current version 0). */
    static ExpectedVersion noStream() {
        return NoStream.INSTANCE;
    }

    /**
     * The stream's current version must be {@code version}.
     *
     * @throws IllegalArgumentException if {@code version} is less than 1; use {@link #noStream()} for a
     *     stream that must not exist yet
     */
    static ExpectedVersion exact(long version) {
        return new Exact(version);
    }

    /** Whether a stream whose current version is {@code currentVersion} satisfies this condition. */
    boolean isSatisfiedBy(long currentVersion);

    /** No concurrency check. */
    enum Any implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean isSatisfiedBy(long currentVersion) {
            return true;
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    /** The stream must have no events. */
    enum NoStream implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean isSatisfiedBy(long currentVersion) {
            return currentVersion == 0;
        }

        @Override
        public String toString() {
            return "no stream";
        }
    }

    /**
     * The stream's current version must equal {@code version}.
     *
     * @param version the expected current version, at least 1
     */
    record Exact(long version) implements ExpectedVersion {
        public Exact {
            if (version < 1) {
                throw new IllegalArgumentException("expected version must be at least 1 but was " + version
                        + "; use ExpectedVersion.noStream() for a stream that must not exist yet");
            }
        }

        @Override
        public boolean isSatisfiedBy(long currentVersion) {
            return currentVersion == version;
        }

        @Override
        public String toString() {
            return "version " + version;
        }
    }
}
