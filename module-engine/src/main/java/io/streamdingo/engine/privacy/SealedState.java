package io.streamdingo.engine.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.hashing.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot state built from personal data, sealed so that forgetting any of the subjects it holds data of makes
 * it unreadable, like the events it was built from.
 *
 * <p>The state is encrypted (AES-256-GCM) with a fresh random key; that key is wrapped once by each subject's key
 * in turn, so opening it needs every one of them. The result is stored in place of the state as canonical JSON:
 * {@code {"$sealed":1,"keys":[{"id":…,"subject":…}…],"state":<base64>,"wrapped":<base64>}}. The associated data
 * binds it to its stream, state type and version, so a sealed state copied to another snapshot does not open.
 */
public final class SealedState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NAME = "\"$sealed\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARK = "{\"$sealed\":".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedState() {}

    /**
     * Whether {@code state} is a sealed state rather than a state in clear, also when a store reformatted its JSON
     * (PostgreSQL's {@code jsonb}): only a state that names the marker at all is put in canonical form to check.
     */
    public static boolean isSealed(byte[] state) {
        if (startsWithMark(state)) {
            return true;
        }
        if (indexOf(state, NAME) < 0) {
            return false;
        }
        try {
            return startsWithMark(CanonicalJson.canonicalize(state));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean startsWithMark(byte[] state) {
        if (state.length < MARK.length) {
            return false;
        }
        for (int i = 0; i < MARK.length; i++) {
            if (state[i] != MARK[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * {@code state} sealed with every key of {@code keys} (at least one).
     *
     * @param binding what the sealed state belongs to (stream, state type, version): it opens only for the same
     */
    public static byte[] seal(byte[] state, Collection<DataKey> keys, String binding) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a sealed state needs at least one subject's key");
        }
        List<DataKey> order = new ArrayList<>(keys);
        order.sort(Comparator.comparing(DataKey::subject).thenComparing(DataKey::keyId));
        byte[] stateKey = new byte[DataKey.LENGTH];
        RANDOM.nextBytes(stateKey);
        byte[] sealedState = AesGcm.encrypt(stateKey, state, aad(binding, "state", ""));
        byte[] wrapped = stateKey;
        ObjectNode envelope = JSON.createObjectNode().put("$sealed", 1);
        ArrayNode listed = envelope.putArray("keys");
        for (DataKey key : order) {
            wrapped = AesGcm.encrypt(key.key(), wrapped, aad(binding, key.subject(), key.keyId()));
            listed.addObject().put("subject", key.subject()).put("id", key.keyId());
        }
        envelope.put("state", Base64.getEncoder().encodeToString(sealedState));
        envelope.put("wrapped", Base64.getEncoder().encodeToString(wrapped));
        return CanonicalJson.canonicalize(envelope);
    }

    /**
     * Opens a sealed state with the keys of {@code keys}.
     *
     * @return the state and the keys that opened it, or which subject was forgotten
     * @throws IllegalStateException if it is not a sealed state or does not open with its keys: it was altered or
     *     copied from another snapshot
     */
    public static Opened open(byte[] sealed, SubjectKeyStore keys, String binding) {
        try {
            JsonNode envelope = JSON.readTree(sealed);
            JsonNode listed = envelope.path("keys");
            List<DataKey> found = new ArrayList<>(listed.size());
            for (JsonNode entry : listed) {
                String subject = entry.path("subject").asText();
                Optional<DataKey> key = keys.key(subject, entry.path("id").asText());
                if (key.isEmpty()) {
                    return new Opened.Shredded(subject);
                }
                found.add(key.get());
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("a sealed snapshot state names no key");
            }
            byte[] wrapped = Base64.getDecoder().decode(envelope.path("wrapped").asText());
            for (int i = found.size() - 1; i >= 0; i--) {
                DataKey key = found.get(i);
                wrapped = AesGcm.decrypt(key.key(), wrapped, aad(binding, key.subject(), key.keyId()));
            }
            byte[] state = AesGcm.decrypt(
                    wrapped, Base64.getDecoder().decode(envelope.path("state").asText()), aad(binding, "state", ""));
            return new Opened.Readable(state, List.copyOf(found));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "a sealed snapshot state does not open with its subjects' keys: it was altered or copied from"
                            + " another snapshot",
                    e);
        }
    }

    private static byte[] aad(String binding, String subject, String keyId) {
        return ("streamdingo-sealed-state\u0000" + binding + "\u0000" + subject + "\u0000" + keyId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What opening a sealed state gave. */
    public sealed interface Opened {

        /**
         * The state in clear.
         *
         * @param state the canonical JSON of the state
         * @param keys the keys that opened it: a snapshot of a state built on it is sealed with them too
         */
        record Readable(byte[] state, List<DataKey> keys) implements Opened {}

        /** A subject whose data the state holds was forgotten: it can never be read again. */
        record Shredded(String subject) implements Opened {}
    }
}
