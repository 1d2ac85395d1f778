package io.streamdingo.engine.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.SubjectKeyStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
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
        JsonNode root = parse(payload);
        String subject = subject(root, plan, metadata);
        if (subject == null) {
            throw new IllegalArgumentException("event " + eventId + " holds personal data but names no data subject: "
                    + (plan.subjectField() != null
                            ? "its field " + plan.subjectField()
                            : "its metadata entry " + plan.subjectMetadata())
                    + " is empty");
        }
        DataKey key = keys.currentKey(subject);
        for (List<String> path : plan.personal()) {
            walk(
                    root,
                    path,
                    0,
                    "",
                    (value, at) -> value.isNull()
                            ? value
                            : TextNode.valueOf(FieldCipher.seal(key, bytes(value), aad(eventId, at))));
        }
        return bytes(root);
    }

    /**
     * The decrypted payload of a stored event.
     *
     * @return the payload, and the paths of the values whose key is gone (they read as null)
     * @throws IllegalStateException if a value does not open with its key: it was altered
     */
    public Decrypted decrypt(byte[] payload, PersonalDataPlan plan, UUID eventId, EventMetadata metadata) {
        JsonNode root = parse(payload);
        String subject = subject(root, plan, metadata);
        List<String> redacted = new ArrayList<>();
        Map<String, Optional<DataKey>> found = new HashMap<>(2);
        for (List<String> path : plan.personal()) {
            walk(root, path, 0, "", (value, at) -> {
                String keyId = value.isTextual() ? FieldCipher.keyIdOf(value.textValue()) : null;
                if (keyId == null) {
                    return value; // written before the field was personal data, or null
                }
                Optional<DataKey> key =
                        subject == null ? Optional.empty() : found.computeIfAbsent(keyId, id -> keys.key(subject, id));
                if (key.isEmpty()) {
                    redacted.add(at);
                    return NullNode.getInstance();
                }
                return parse(FieldCipher.open(key.get(), value.textValue(), aad(eventId, at)));
            });
        }
        List<DataKey> opened = new ArrayList<>(found.size());
        found.values().forEach(key -> key.ifPresent(opened::add));
        return new Decrypted(bytes(root), List.copyOf(redacted), List.copyOf(opened));
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

    private static @Nullable String subject(JsonNode root, PersonalDataPlan plan, EventMetadata metadata) {
        String subject;
        if (plan.subjectField() != null) {
            JsonNode value = root.get(plan.subjectField());
            subject = value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
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

    /** Replaces each value at {@code path} below {@code node} by what {@code change} makes of it and its path. */
    private static void walk(
            JsonNode node, List<String> path, int step, String at, BiFunction<JsonNode, String, JsonNode> change) {
        String name = path.get(step);
        boolean last = step == path.size() - 1;
        if (name.equals("*")) {
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    String here = at + "[" + i + "]";
                    if (last) {
                        array.set(i, change.apply(array.get(i), here));
                    } else {
                        walk(array.get(i), path, step + 1, here, change);
                    }
                }
            } else if (node instanceof ObjectNode map) {
                for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    String here = at + "[" + entry.getKey() + "]";
                    if (last) {
                        entry.setValue(change.apply(entry.getValue(), here));
                    } else {
                        walk(entry.getValue(), path, step + 1, here, change);
                    }
                }
            }
            return;
        }
        if (!(node instanceof ObjectNode object) || !object.has(name)) {
            return;
        }
        String here = at.isEmpty() ? name : at + "." + name;
        if (last) {
            object.set(name, change.apply(object.get(name), here));
        } else {
            walk(object.get(name), path, step + 1, here, change);
        }
    }

    private static String aad(UUID eventId, String path) {
        return "streamdingo-personal-data\u0000" + eventId + "\u0000" + path;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a payload with personal data is not JSON", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
