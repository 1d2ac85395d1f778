package io.streamdingo.hashing;

import java.util.Objects;

/**
 * The fingerprint of a handler's code (HS-1, HS-2): a SHA-256 over the normalised code of the handler
 * method and of every application method and field it uses, transitively.
 *
 * @param hash 64 lower-case hex digits
 * @param origin where it was computed from
 */
public record HandlerFingerprint(String hash, Origin origin) {

    public HandlerFingerprint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(origin, "origin");
    }

    /** Where a fingerprint comes from. */
    public enum Origin {
        /** Computed at compile time by the annotation processor from the normalised source. */
        COMPILED_SOURCE,
        /** Computed at run time from the bytecode, without debug attributes, because no processor output was found. */
        BYTECODE
    }
}
