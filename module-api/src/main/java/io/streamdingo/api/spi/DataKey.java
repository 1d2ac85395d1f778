package io.streamdingo.api.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data subject's encryption key as a {@link SubjectKeyStore} hands it out: 256 bits for AES-GCM, with the id
 * that encrypted values carry so that they find it again.
 *
 * @param subject the data subject it belongs to
 * @param keyId its id, unique for ever: a key created after the subject was forgotten has a new one
 * @param key the 32 key bytes; callers must not modify the array
 */
public record DataKey(String subject, String keyId, byte[] key) {

    /** The length of a key, in bytes. */
    public static final int LENGTH = 32;

    public DataKey {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a data key is " + LENGTH + " bytes; got " + key.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey that
                && subject.equals(that.subject)
                && keyId.equals(that.keyId)
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, keyId, Arrays.hashCode(key));
    }

    /** Names the subject and the key id, never the key. */
    @Override
    public String toString() {
        return "DataKey[subject=" + subject + ", keyId=" + keyId + "]";
    }
}
