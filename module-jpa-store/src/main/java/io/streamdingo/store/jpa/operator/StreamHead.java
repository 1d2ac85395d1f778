package io.streamdingo.store.jpa.operator;

import io.streamdingo.api.StreamId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stream's head row as stored: where its last append left it.
 *
 * @param streamId the stream
 * @param currentVersion the version of its last event (0 before the first)
 * @param firstVisibleVersion the first version reads return (above 1 after a soft delete or a truncation)
 * @param lastHash the hash chain link of its last event, null before the first
 * @param truncationAnchor the link of the last event a truncation removed, null if none was
 */
public record StreamHead(
        StreamId streamId,
        long currentVersion,
        long firstVisibleVersion,
        @Nullable String lastHash,
        @Nullable String truncationAnchor) {

    /** The truncation anchor as an optional, as the chain verifier takes it. */
    public Optional<String> anchor() {
        return Optional.ofNullable(truncationAnchor);
    }
}
