package io.streamdingo.hashing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests as 64 lower-case hex digits, the form every StreamDingo hash is stored and compared in. */
public final class Sha256 {

    // MessageDigest instances are not thread-safe and cost more to look up than to use on a small input.
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    /** The SHA-256 of {@code bytes}, as hex. */
    public static String hex(byte[] bytes) {
        MessageDigest digest = digest();
        return toHex(digest.digest(bytes));
    }

    /** True if {@code hash} is 64 lower-case hex digits. */
    public static boolean isHash(String hash) {
        if (hash.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hash.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** This thread's digest, reset. */
    static MessageDigest digest() {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        return digest;
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < 16; i++) {
            VALUES["0123456789abcdef".charAt(i)] = i;
            VALUES["0123456789ABCDEF".charAt(i)] = i;
        }
    }

    // Verification formats and parses two hashes per event: table lookups beat HexFormat's general path.
    static String toHex(byte[] digest) {
        byte[] text = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            text[2 * i] = DIGITS[(digest[i] >> 4) & 0xf];
            text[2 * i + 1] = DIGITS[digest[i] & 0xf];
        }
        return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * @throws IllegalArgumentException if {@code hash} is not an even number of hex digits
     */
    static byte[] fromHex(String hash) {
        int length = hash.length();
        if ((length & 1) != 0) {
            throw new IllegalArgumentException("a hash has an even number of hex digits; got " + length);
        }
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = digit(hash.charAt(2 * i));
            int low = digit(hash.charAt(2 * i + 1));
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }

    private static int digit(char c) {
        int value = c < 128 ? VALUES[c] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("a hash is made of hex digits; found '" + c + "'");
        }
        return value;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
