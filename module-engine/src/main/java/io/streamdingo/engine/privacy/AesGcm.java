package io.streamdingo.engine.privacy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM as personal values and sealed snapshot states use it: a fresh random 96-bit nonce per encryption,
 * stored before the ciphertext, and a 128-bit tag after it.
 */
final class AesGcm {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Looking a cipher up costs more than using it, and the provider keeps the key schedule of the last key it was
     * initialised with: each thread keeps one cipher and initialises it, with a fresh nonce, for every use.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    });

    private AesGcm() {}

    /** Nonce, ciphertext and tag of {@code plain} under {@code key}, bound to {@code aad}. */
    static byte[] encrypt(byte[] key, byte[] plain, byte[] aad) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * The plain text of what {@link #encrypt} gave.
     *
     * @throws GeneralSecurityException if it does not open with {@code key} for {@code aad}: altered, moved or
     *     encrypted with another key
     */
    static byte[] decrypt(byte[] key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new AEADBadTagException("too short to be AES-GCM output: " + sealed.length + " bytes");
        }
        Cipher cipher = CIPHERS.get();
        cipher.init(
                Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    }
}
