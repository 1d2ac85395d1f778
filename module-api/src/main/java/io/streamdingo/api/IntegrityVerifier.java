package io.streamdingo.api;

/**
 * The role of checking that a stream's stored events are still the ones that were appended (HS-4).
 *
 * <p>Each event is stored with {@code hash = SHA-256(previousHash ‖ canonical event)}, computed by the
 * engine when the event is appended; verifying walks the stream and recomputes every link.
 */
public interface IntegrityVerifier {

    /**
     * Walks the stream's hash chain, lazily, and reports the first break. Soft-deleted events are checked
     * too; after a truncation the chain is checked from the hash of the last removed event.
     *
     * @return {@link StreamVerification.Intact} (also for a stream that was never written) or the first
     *     {@link StreamVerification.Broken} link
     * @throws StoreUnavailableException if the backend cannot be read
     */
    StreamVerification verify(StreamId streamId);
}
