package io.streamdingo.hashing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as 64 lower-case hex digits, the form every StreamDingo hash is stored and compared in. */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    // MessageDigest instances are not thread-safe and cost more to look up than to use on a small input.
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    /** The SHA-256 of {@code bytes}, as hex. */
    public static String hex(byte[] bytes) {
        MessageDigest digest = digest();
        return HEX.formatHex(digest.digest(bytes));
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

    static String toHex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    static byte[] fromHex(String hash) {
        return HEX.parseHex(hash);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
