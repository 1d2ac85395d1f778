package io.streamdingo.hashing;

/**
 * The hash of a snapshot's state (HS-3, HS-5): the SHA-256 of its canonical JSON.
 */
public final class StateHash {

    private StateHash() {}

    /** The hash of {@code canonicalState}, which must already be in {@linkplain CanonicalJson canonical form}. */
    public static String of(byte[] canonicalState) {
        return Sha256.hex(canonicalState);
    }

    /**
     * True if {@code storedState} still hashes to {@code expectedHash}, as stored or in canonical form (for
     * stores that reformat JSON). Corrupt JSON never matches.
     */
    public static boolean matches(byte[] storedState, String expectedHash) {
        if (Sha256.hex(storedState).equals(expectedHash)) {
            return true;
        }
        try {
            return Sha256.hex(CanonicalJson.canonicalize(storedState)).equals(expectedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
