package io.streamdingo.api.spi;

import java.util.Optional;

/**
 * Where the keys of data subjects are kept, for crypto-shredding: personal data in events is encrypted with its
 * subject's key, and forgetting the subject deletes the key, which makes that data unreadable for ever while the
 * events themselves stay. The in-memory reference keeps keys for the life of the process; the Jakarta Persistence
 * store keeps them in a table, wrapped by a master key. Every implementation passes the key-store contract in
 * {@code io.streamdingo.tck}. Implementations are thread-safe.
 *
 * <p>A subject is an application's id for a person (a customer number, an account owner's id): 1 to 200
 * characters, no control characters. Methods throw {@link IllegalArgumentException} naming the rule for any other.
 */
public interface SubjectKeyStore {

    /** Longest subject id accepted, in UTF-16 characters. */
    int MAX_SUBJECT_LENGTH = 200;

    /**
     * The subject's current key, created at the first call (also the first after {@link #forget}, with a new id).
     * Callers racing on a new subject, in this process or others sharing the store, all get the same key.
     */
    DataKey currentKey(String subject);

    /** The subject's key with {@code keyId}; empty if it never existed or the subject was forgotten since. */
    Optional<DataKey> key(String subject, String keyId);

    /**
     * Deletes every key of the subject, for good: what they encrypted can no longer be read by anyone.
     *
     * @return whether the subject had a key
     */
    boolean forget(String subject);

    /**
     * Checks a subject id against the rules every store applies.
     *
     * @return the subject
     * @throws IllegalArgumentException naming the rule it breaks
     */
    static String requireValidSubject(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("a data subject id must not be null or empty");
        }
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException(
                    "a data subject id is at most " + MAX_SUBJECT_LENGTH + " characters; got " + subject.length());
        }
        for (int i = 0; i < subject.length(); i++) {
            if (Character.isISOControl(subject.charAt(i))) {
                throw new IllegalArgumentException(
                        "a data subject id must not hold control characters; found one at index " + i);
            }
        }
        return subject;
    }
}
