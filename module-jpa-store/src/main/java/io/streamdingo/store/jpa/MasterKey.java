package io.streamdingo.store.jpa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps the data subjects' keys before they are stored: 256-bit AES-GCM, a fresh 96-bit nonce per
 * wrap, the subject and key id as associated data (a wrapped key moved to another row does not open). Its
 * {@link #id()} is derived from the key, so rows say which master key wrapped them without revealing it, and a
 * wrong master key is recognised before anything is read or written.
 */
public final class MasterKey {

    /** Its length, in bytes. */
    public static final int LENGTH = 32;

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /**
     * The master key from its base64 text, as configured.
     *
     * @param source where the text came from (a configuration key or a file), for the message
     * @throws IllegalArgumentException naming {@code source} if the text is not base64 of 32 bytes
     */
    public static MasterKey parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64; a master key is 32 random bytes in base64,"
                    + " e.g. from: head -c 32 /dev/urandom | base64");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException(source + " holds " + bytes.length + " bytes; a master key is " + LENGTH
                    + " random bytes in base64, e.g. from: head -c 32 /dev/urandom | base64");
        }
        return new MasterKey(bytes);
    }

    /** The master key of {@code bytes} (32). */
    public static MasterKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a master key is " + LENGTH + " bytes; got " + bytes.length);
        }
        return new MasterKey(bytes.clone());
    }

    /** Sixteen hex digits derived from the key with SHA-256: names it in rows and messages, reveals nothing. */
    public String id() {
        return id;
    }

    /** {@code dataKey} wrapped for the row of {@code subject} and {@code keyId}, as base64 of nonce and ciphertext. */
    String wrap(String subject, String keyId, byte[] dataKey) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(subject, keyId));
            byte[] sealed = cipher.doFinal(dataKey);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * The data key {@link #wrap} wrapped for the same subject and key id.
     *
     * @throws IllegalStateException naming the subject if it does not open: the row was altered or moved
     */
    byte[] unwrap(String subject, String keyId, String wrapped) {
        try {
            byte[] bytes = Base64.getDecoder().decode(wrapped);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(associatedData(subject, keyId));
            return cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored key " + keyId + " of data subject '" + subject
                    + "' does not open with master key " + id + ": its row in sd_subject_keys was altered or"
                    + " copied from another row");
        }
    }

    private static byte[] associatedData(String subject, String keyId) {
        return ("streamdingo-subject-key\u0000" + subject + "\u0000" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static String idOf(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("streamdingo-master-key-id\u0000".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(Arrays.copyOf(digest.digest(bytes), 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** Names the key by its id only. */
    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
