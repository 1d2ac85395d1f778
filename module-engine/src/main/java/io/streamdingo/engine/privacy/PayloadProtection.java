package io.streamdingo.engine.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.SubjectKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts the personal-data fields of a serialized JSON payload with the subject's key, and decrypts them, or
 * reads them as null when the subject was forgotten. Works on the JSON the serializer wrote, so it holds for any
 * JSON serializer and for upcasting, and the hash chain covers the ciphertext.
 */
public final class PayloadProtection {

    /** Numbers kept exactly as written: the rest of the payload must come out as it went in. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private static final JsonFactory FACTORY = JSON.getFactory();

    private final SubjectKeyStore keys;

    /** Protection with the keys of {@code keys}. */
    public PayloadProtection(SubjectKeyStore keys) {
        this.keys = keys;
    }

    /** Where the subjects' keys are kept. */
    public SubjectKeyStore keys() {
        return keys;
    }

    /**
     * {@code payload} with every personal-data value of {@code plan} encrypted with its subject's key.
     *
     * @throws IllegalArgumentException if the event names no subject (the field or metadata entry is empty)
     */
    public byte[] encrypt(byte[] payload, PersonalDataPlan plan, UUID eventId, EventMetadata metadata) {
        String[] subject = new String[] {plan.subjectField() == null ? subject(payload, plan, metadata) : null};
        DataKey[] key = new DataKey[1];
        byte[] encrypted = rewrite(payload, plan, subject, (in, out, at) -> {
            if (in.currentToken() == JsonToken.VALUE_NULL) {
                out.writeNull();
                return;
            }
            if (key[0] == null) {
                // the subject's field usually comes first and was noted on the way; if not, it is looked up
                key[0] = keys.currentKey(requireSubject(
                        subject[0] != null ? subject[0] : subject(payload, plan, metadata), plan, eventId));
            }
            out.writeString(FieldCipher.seal(key[0], PersonalValues.json(FACTORY, in), aad(eventId, at)));
        });
        if (key[0] == null) {
            // every personal value was null: still, an event that names no subject is refused
            requireSubject(subject[0] != null ? subject[0] : subject(payload, plan, metadata), plan, eventId);
        }
        return encrypted;
    }

    private static String requireSubject(@Nullable String subject, PersonalDataPlan plan, UUID eventId) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("event " + eventId + " holds personal data but names no data subject: "
                    + (plan.subjectField() != null
                            ? "its field " + plan.subjectField()
                            : "its metadata entry " + plan.subjectMetadata())
                    + " is empty");
        }
        return subject;
    }

    /**
     * The decrypted payload of a stored event.
     *
     * @return the payload, and the paths of the values whose key is gone (they read as null)
     * @throws IllegalStateException if a value does not open with its key: it was altered
     */
    public Decrypted decrypt(byte[] payload, PersonalDataPlan plan, UUID eventId, EventMetadata metadata) {
        return decrypt(payload, plan, eventId, metadata, List.of());
    }

    /**
     * Like {@link #decrypt(byte[], PersonalDataPlan, UUID, EventMetadata)}, trying the keys of {@code known} before
     * asking the key store: a replay decrypts a stream's events with the keys it has already fetched, one query
     * per subject instead of one per event.
     */
    public Decrypted decrypt(
            byte[] payload, PersonalDataPlan plan, UUID eventId, EventMetadata metadata, Collection<DataKey> known) {
        List<String> redacted = new ArrayList<>(0);
        Map<String, Optional<DataKey>> found = new HashMap<>(2);
        String[] subject = new String[1];
        byte[] clear = rewrite(payload, plan, subject, (in, out, at) -> {
            String keyId = in.currentToken() == JsonToken.VALUE_STRING ? FieldCipher.keyIdOf(in.getText()) : null;
            if (keyId == null) {
                PersonalValues.copyExact(in, out); // written before the field was personal data, or null
                return;
            }
            Optional<DataKey> key =
                    found.computeIfAbsent(keyId, id -> known(known, id).or(() -> {
                        String owner = subject[0] != null ? subject[0] : subject(payload, plan, metadata);
                        return owner == null ? Optional.empty() : keys.key(owner, id);
                    }));
            if (key.isEmpty()) {
                redacted.add(at);
                out.writeNull();
                return;
            }
            // the decrypted JSON is written as it is: parsing it only to write it again costs more than the cipher
            out.writeRawValue(
                    new String(FieldCipher.open(key.get(), in.getText(), aad(eventId, at)), StandardCharsets.UTF_8));
        });
        List<DataKey> opened = new ArrayList<>(found.size());
        found.values().forEach(key -> key.ifPresent(opened::add));
        return new Decrypted(clear, List.copyOf(redacted), List.copyOf(opened));
    }

    /** A key of {@code known} with {@code keyId}: ids are unique across subjects, and a wrong key would not open. */
    private static Optional<DataKey> known(Collection<DataKey> known, String keyId) {
        for (DataKey key : known) {
            if (key.keyId().equals(keyId)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** Rewrites the personal values, noting the subject's field in {@code subject[0]} when the pass reaches it. */
    private static byte[] rewrite(
            byte[] payload, PersonalDataPlan plan, @Nullable String[] subject, PersonalValues.Change change) {
        try {
            return PersonalValues.rewrite(FACTORY, payload, plan.personal(), plan.subjectField(), subject, change);
        } catch (IOException e) {
            throw new IllegalArgumentException("a payload with personal data is not JSON", e);
        }
    }

    /**
     * A decrypted payload.
     *
     * @param payload the JSON with personal data in clear, or null where it is gone
     * @param redacted the paths of the values that read as null because their key is gone
     * @param opened the keys that decrypted values: whatever is built from the payload holds their subject's data
     */
    public record Decrypted(byte[] payload, List<String> redacted, List<DataKey> opened) {

        /** {@code metadata} with the redacted paths in its {@link EventMetadata#REDACTED_HEADER}, if any. */
        public EventMetadata mark(EventMetadata metadata) {
            return redacted.isEmpty()
                    ? metadata
                    : metadata.withHeader(EventMetadata.REDACTED_HEADER, String.join(",", redacted));
        }
    }

    private static @Nullable String subject(byte[] payload, PersonalDataPlan plan, EventMetadata metadata) {
        String subject;
        if (plan.subjectField() != null) {
            subject = topLevelValue(payload, plan.subjectField());
        } else {
            subject = switch (String.valueOf(plan.subjectMetadata())) {
                case "userId" -> metadata.userId();
                case "tenantId" -> metadata.tenantId();
                case "correlationId" -> metadata.correlationId();
                case "partitionKey" -> metadata.partitionKey();
                default -> metadata.headers().get(plan.subjectMetadata());
            };
        }
        return subject == null || subject.isEmpty() ? null : subject;
    }

    /** The text of the top-level property {@code name} (a scalar's text, else its JSON); null if absent or null. */
    private static @Nullable String topLevelValue(byte[] payload, String name) {
        try (JsonParser in = FACTORY.createParser(payload)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if (field.equals(name)) {
                    if (value == JsonToken.VALUE_NULL) {
                        return null;
                    }
                    return value.isScalarValue()
                            ? in.getText()
                            : JSON.readTree(in).toString();
                }
                in.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("a payload with personal data is not JSON", e);
        }
    }

    private static String aad(UUID eventId, String path) {
        return "streamdingo-personal-data\u0000" + eventId + "\u0000" + path;
    }
}
