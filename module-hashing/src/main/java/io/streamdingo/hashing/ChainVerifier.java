package io.streamdingo.hashing;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.StoredEvent;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Walks a stream's stored events in version order and reports the first link of the hash chain that does
 * not hold (HS-4).
 */
public final class ChainVerifier {

    private final EventHashChain chain = new EventHashChain();

    /**
     * Verifies {@code events}, the stored events of {@code streamId} in ascending version order.
     *
     * @param truncationAnchor the hash of the last event removed by truncation, if any; the chain then starts
     *     there and the first event may have any version above 1
     */
    public StreamVerification verify(
            StreamId streamId, Optional<String> truncationAnchor, Iterator<StoredEvent> events) {
        Walk walk = walk(streamId, truncationAnchor);
        while (events.hasNext()) {
            StreamVerification.Broken broken = walk.next(events.next());
            if (broken != null) {
                return broken;
            }
        }
        return walk.intact();
    }

    /**
     * Starts a walk over {@code streamId}'s events that the caller feeds one at a time, for callers that
     * read many streams in one pass and cannot hand over an iterator per stream.
     *
     * @param truncationAnchor as for {@link #verify}
     */
    public Walk walk(StreamId streamId, Optional<String> truncationAnchor) {
        return new Walk(chain, streamId, truncationAnchor);
    }

    /**
     * One stream's walk in progress: not thread-safe; feed it the stream's events in ascending version order
     * and stop at the first break.
     */
    public static final class Walk {
        private final EventHashChain chain;
        private final StreamId streamId;
        private String previous;
        private long expectedVersion;
        private long checked;
        private long lastVersion;

        private Walk(EventHashChain chain, StreamId streamId, Optional<String> truncationAnchor) {
            this.chain = chain;
            this.streamId = streamId;
            this.previous = truncationAnchor.orElse(EventChain.GENESIS);
            this.expectedVersion = truncationAnchor.isPresent() ? -1 : 1;
        }

        /**
         * Checks the next event.
         *
         * @return the break it shows, or null if it links to the events before it
         */
        public StreamVerification.@Nullable Broken next(StoredEvent event) {
            if (expectedVersion != -1 && event.streamVersion() != expectedVersion) {
                return versionBreak(streamId, expectedVersion, event.streamVersion());
            }
            String expected = chain.expectedHash(previous, event);
            if (!expected.equals(event.hash())) {
                return new StreamVerification.Broken(
                        streamId,
                        event.streamVersion(),
                        expected,
                        event.hash(),
                        "the event stored at version " + event.streamVersion()
                                + " does not hash to its recorded link: it was altered, inserted or moved");
            }
            previous = event.hash();
            lastVersion = event.streamVersion();
            expectedVersion = lastVersion + 1;
            checked++;
            return null;
        }

        /** The walk so far as an intact result: what {@link #next} accepted. */
        public StreamVerification.Intact intact() {
            return new StreamVerification.Intact(streamId, checked, lastVersion, previous);
        }
    }

    private static StreamVerification.Broken versionBreak(StreamId streamId, long expected, long found) {
        String problem = found > expected
                ? "the event at version " + expected + " is missing: it was removed"
                : "version " + found + " follows version " + (expected - 1)
                        + ": an event was inserted or the events were reordered";
        return new StreamVerification.Broken(streamId, expected, "version " + expected, "version " + found, problem);
    }
}
