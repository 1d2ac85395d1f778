package io.streamdingo.hashing;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.StoredEvent;
import java.util.Iterator;
import java.util.Optional;

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
        String previous = truncationAnchor.orElse(EventChain.GENESIS);
        long expectedVersion = truncationAnchor.isPresent() ? -1 : 1;
        long checked = 0;
        long lastVersion = 0;
        while (events.hasNext()) {
            StoredEvent event = events.next();
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
        }
        return new StreamVerification.Intact(streamId, checked, lastVersion, previous);
    }

    private static StreamVerification versionBreak(StreamId streamId, long expected, long found) {
        String problem = found > expected
                ? "the event at version " + expected + " is missing: it was removed"
                : "version " + found + " follows version " + (expected - 1)
                        + ": an event was inserted or the events were reordered";
        return new StreamVerification.Broken(streamId, expected, "version " + expected, "version " + found, problem);
    }
}
