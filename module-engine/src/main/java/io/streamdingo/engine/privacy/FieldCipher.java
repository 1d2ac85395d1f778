package io.streamdingo.engine.privacy;

import io.streamdingo.api.spi.DataKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * One personal-data value encrypted with its subject's key: AES-256-GCM, a fresh random 96-bit nonce per value,
 * the event id and the value's path as associated data (a ciphertext moved to another field or event does not
 * open). Stored as the text {@code sd-enc:v1:<key id>:<base64 of nonce, ciphertext and tag>} in place of the
 * value.
 */
final class FieldCipher {

    static final String PREFIX = "sd-enc:v1:";

    private FieldCipher() {}

    /** {@code value} (a JSON text) sealed with {@code key} for {@code aad}. */
    static String seal(DataKey key, byte[] value, String aad) {
        byte[] sealed = AesGcm.encrypt(key.key(), value, aad.getBytes(StandardCharsets.UTF_8));
        return PREFIX + key.keyId() + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /** The key id a sealed value names, or null if {@code text} is not a sealed value. */
    static @Nullable String keyIdOf(String text) {
        if (!text.startsWith(PREFIX)) {
            return null;
        }
        int end = text.indexOf(':', PREFIX.length());
        return end < 0 ? null : text.substring(PREFIX.length(), end);
    }

    /**
     * The JSON text {@link #seal} sealed.
     *
     * @throws IllegalStateException if it does not open with {@code key} for {@code aad}: altered or moved
     */
    static byte[] open(DataKey key, String sealed, String aad) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':', PREFIX.length()) + 1));
            return AesGcm.decrypt(key.key(), all, aad.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("an encrypted personal-data value does not open with its subject's key:"
                    + " it was altered or moved from another field or event");
        }
    }
}
