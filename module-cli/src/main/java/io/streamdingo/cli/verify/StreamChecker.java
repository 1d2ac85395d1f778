package io.streamdingo.cli.verify;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.hashing.ChainVerifier;
import io.streamdingo.store.jpa.operator.StreamHead;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks streams whose events it is fed in stream and version order, one stream after the other: the hash
 * chain and gapless versions (through the chain verifier), positions rising with versions, and the head row
 * agreeing with the last event. Reports the first chain break of a stream and keeps checking its head. Not
 * thread-safe: one per worker.
 */
final class StreamChecker {

    private final ChainVerifier verifier = new ChainVerifier();
    private final Findings findings;
    private @Nullable StreamId stream;
    private @Nullable StreamHead head;
    private ChainVerifier.@Nullable Walk walk;
    private long lastVersion;
    private long lastPosition;
    private @Nullable String lastHash;
    private long streams;

    StreamChecker(Findings findings) {
        this.findings = findings;
    }

    void accept(StoredEvent event, @Nullable StreamHead headRow) {
        if (!event.streamId().equals(stream)) {
            finish();
            start(event, headRow);
        }
        if (walk != null) {
            StreamVerification.Broken broken = walk.next(event);
            if (broken != null) {
                report(broken.version(), broken.problem());
                walk = null;
            }
        }
        if (lastVersion > 0 && event.globalPosition() <= lastPosition) {
            report(
                    event.streamVersion(),
                    "its global position " + event.globalPosition()
                            + " is not above the position of the event before it (" + lastPosition
                            + "): positions were changed");
        }
        lastVersion = event.streamVersion();
        lastPosition = event.globalPosition();
        lastHash = event.hash();
    }

    private void start(StoredEvent event, @Nullable StreamHead headRow) {
        stream = event.streamId();
        head = headRow;
        streams++;
        lastVersion = 0;
        lastPosition = 0;
        lastHash = null;
        if (headRow == null) {
            report(
                    event.streamVersion(),
                    "its events have no stream head row: the head was deleted, or the"
                            + " events were inserted by hand");
        }
        walk = verifier.walk(event.streamId(), headRow == null ? Optional.empty() : headRow.anchor());
    }

    /** Finishes the stream fed last: compares its head row with its last event. */
    void finish() {
        StreamHead current = head;
        if (stream != null && current != null) {
            if (current.currentVersion() != lastVersion) {
                report(
                        current.currentVersion(),
                        "its head row says the stream is at version "
                                + current.currentVersion() + " but its last stored event is version " + lastVersion
                                + ": events were deleted or the head was changed");
            } else if (current.lastHash() != null && !Objects.equals(current.lastHash(), lastHash)) {
                report(
                        lastVersion,
                        "its head row's last hash is not the hash of its last event: the head or the"
                                + " event was changed");
            }
        }
        stream = null;
        head = null;
        walk = null;
    }

    /** How many streams it was fed. */
    long streams() {
        return streams;
    }

    private void report(long version, String problem) {
        findings.add(new Finding(Objects.requireNonNull(stream).toString(), version, problem));
    }
}
