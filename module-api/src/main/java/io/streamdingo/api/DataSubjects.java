package io.streamdingo.api;

/**
 * The role of forgetting data subjects (crypto-shredding): the values of
 * {@link io.streamdingo.api.privacy.PersonalData} fields are stored encrypted with a key per data subject, and
 * forgetting the subject deletes its key.
 *
 * <p>From then on each of those values reads as {@code null}, with its path in
 * {@link EventMetadata#redactedFields()}: in reads, replay, snapshots and deliveries, never as an exception. The
 * events themselves stay, with their ids, versions, other fields, metadata and hash chain, so verifying the
 * stream still passes. A snapshot state built from the subject's data is sealed with its key and becomes
 * unreadable with it; the replay engine deletes it when it meets it and rebuilds the state from the events.
 */
public interface DataSubjects {

    /**
     * Deletes the subject's key, for good: no one can read its personal data again, in this process or any other
     * sharing the key store. Idempotent; a later event of the same subject is encrypted with a new key.
     *
     * @param subject the application's id of the person, as its events name it (1 to 200 characters, no control
     *     characters)
     * @return whether the subject had a key (false: nothing was stored for it, or it was forgotten before)
     * @throws IllegalArgumentException if {@code subject} breaks the rules of a subject id
     * @throws IllegalStateException if the store keeps no subjects' keys: none of its event types holds personal
     *     data and no key store was configured
     * @throws StoreUnavailableException if the key store cannot be reached; nothing was forgotten then
     */
    boolean forget(String subject);
}
