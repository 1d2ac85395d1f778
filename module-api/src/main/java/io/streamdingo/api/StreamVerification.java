package io.streamdingo.api;

import java.util.Objects;

/**
 * The outcome of checking a stream's hash chain (HS-4): either every stored event still hashes to what
 * was recorded when it was appended, or the first event where the chain breaks.
 */
public sealed interface StreamVerification {

    /** The stream verified. */
    StreamId streamId();

    /** True if the chain is intact. */
    default boolean intact() {
        return this instanceof Intact;
    }

    /**
     * Every event of the stream links to its predecessor.
     *
     * @param streamId the stream
     * @param eventsChecked how many stored events were checked
     * @param lastVersion the version of the last event checked; 0 if the stream holds none
     * @param lastHash the hash of that event; the genesis hash if the stream holds none
     */
    record Intact(StreamId streamId, long eventsChecked, long lastVersion, String lastHash)
            implements StreamVerification {
        public Intact {
            Objects.requireNonNull(streamId, "streamId");
            Objects.requireNonNull(lastHash, "lastHash");
        }
    }

    /**
     * The first event where the chain breaks. An altered or reordered event shows as a hash that does not
     * match its content; a removed event as a missing version; an inserted one as a version that is not
     * the next one or a hash that does not link.
     *
     * @param streamId the stream
     * @param version the stream version where the chain breaks
     * @param expectedHash what the hash at {@code version} must be given the events before it (for a
     *     missing version: the version that was expected, as text)
     * @param foundHash what is stored there (for a missing version: the version found instead)
     * @param problem what is wrong, in words
     */
    record Broken(StreamId streamId, long version, String expectedHash, String foundHash, String problem)
            implements StreamVerification {
        public Broken {
            Objects.requireNonNull(streamId, "streamId");
            Objects.requireNonNull(expectedHash, "expectedHash");
            Objects.requireNonNull(foundHash, "foundHash");
            Objects.requireNonNull(problem, "problem");
        }

        /** The same finding as an exception, for callers that must not go on. */
        public IntegrityViolationException toException() {
            return new IntegrityViolationException(streamId, version, expectedHash, foundHash);
        }
    }
}
