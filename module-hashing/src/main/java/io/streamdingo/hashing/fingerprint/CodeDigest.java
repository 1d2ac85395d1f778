package io.streamdingo.hashing.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The SHA-256 of a handler's code: every member it reaches, in key order, as {@code key \n text \n}. The
 * annotation processor and the bytecode fallback both hash this way, each over its own kind of text.
 */
public final class CodeDigest {

    /** The key under which the handler's own code is recorded: by role, so moving it keeps its fingerprint. */
    public static final String HANDLER = "handler";

    private CodeDigest() {}

    /** 64 hex digits over {@code texts}, member key to normalised code. */
    public static String of(SortedMap<String, String> texts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
