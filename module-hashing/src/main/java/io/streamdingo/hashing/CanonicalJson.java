package io.streamdingo.hashing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form that StreamDingo hashes (HS-3, HS-4): the same value always gives the same
 * bytes, whichever store kept it and however that store formats JSON (PostgreSQL's {@code jsonb}
 * reorders keys and respaces).
 *
 * <p>Rules: no insignificant whitespace; object members sorted by name; numbers without exponent, integers
 * without a fraction, decimals with their scale kept ({@code 10.50} stays {@code 10.50}, so money amounts
 * keep their precision; {@code 1.0E2} becomes {@code 100}); strings as Jackson escapes them. Duplicate
 * member names, trailing content and non-finite numbers are refused.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // keep 1.50 as 1.50: the decimal scale is part of the canonical form
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** The factory of the canonical-form check: no duplicate detection, which allocates per object. */
    private static final JsonFactory CHECKING = JsonFactory.builder().build();

    private CanonicalJson() {}

    /**
     * The canonical form of the JSON document {@code json}.
     *
     * @throws IllegalArgumentException if {@code json} is not one well-formed JSON document
     */
    public static byte[] canonicalize(byte[] json) {
        if (isCanonical(json)) {
            return json; // the common case for payloads the engine's own mapper wrote
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            // Jackson's message may quote the content, which may be personal data (SEC-2): name the kind only.
            throw new IllegalArgumentException(
                    "not a well-formed JSON document (" + e.getClass().getSimpleName() + ")", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("not a JSON document: the input is empty");
        }
        return canonicalize(tree);
    }

    /**
     * The canonical form of {@code tree}.
     *
     * @throws IllegalArgumentException if it holds a non-finite number
     */
    public static byte[] canonicalize(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(tree, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * True if {@code json} is already in canonical form: one document, no whitespace outside strings, no
     * escapes, members in ascending order at every depth, numbers as canonical text. A quick streaming pass;
     * false whenever in doubt (the full rewrite then decides).
     */
    static boolean isCanonical(byte[] json) {
        boolean inString = false;
        for (byte b : json) {
            if (b == '\\') {
                return false; // escapes may be written differently: leave them to the rewrite
            }
            if (b == '"') {
                inString = !inString;
            } else if (!inString && (b == ' ' || b == '\n' || b == '\r' || b == '\t')) {
                return false;
            }
        }
        // Every append passes here, so the pass allocates nothing per token: member names come from the
        // parser's symbol table, numbers are looked at in its buffer, and strictly ascending names already
        // rule out duplicates (no duplicate detector needed; the rewrite has one).
        try (JsonParser parser = CHECKING.createParser(json)) {
            // the last member name seen in each enclosing object or array (null: none yet)
            String[] enclosing = new String[8];
            int depth = 0;
            String last = null;
            JsonToken token = parser.nextToken();
            while (token != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (depth == enclosing.length) {
                            enclosing = java.util.Arrays.copyOf(enclosing, depth * 2);
                        }
                        enclosing[depth++] = last;
                        last = null;
                    }
                    case END_OBJECT, END_ARRAY -> last = enclosing[--depth];
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        if (last != null && name.compareTo(last) <= 0) {
                            return false;
                        }
                        last = name;
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        if (!isCanonicalNumber(
                                parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())) {
                            return false;
                        }
                    }
                    default -> {}
                }
                if (depth == 0) {
                    break; // the root value is complete
                }
                token = parser.nextToken();
            }
            return token != null && parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** No exponent and no negative zero (JSON's grammar rules out the other non-canonical forms). */
    private static boolean isCanonicalNumber(char[] text, int offset, int length) {
        if (length > 1 && text[offset] == '-' && text[offset + 1] == '0') {
            return false;
        }
        for (int i = offset; i < offset + length; i++) {
            if (text[i] == 'e' || text[i] == 'E') {
                return false;
            }
        }
        return true;
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                if (members.size() > 1) {
                    Collections.sort(members, Map.Entry.comparingByKey());
                }
                for (Map.Entry<String, JsonNode> member : members) {
                    out.writeFieldName(member.getKey());
                    write(member.getValue(), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(element, out);
                }
                out.writeEndArray();
            }
            case NUMBER -> out.writeNumber(number(node));
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default ->
                throw new IllegalArgumentException(
                        "JSON cannot be hashed canonically: it holds a " + node.getNodeType() + " node");
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("JSON cannot hold the non-finite number " + node.doubleValue());
        }
        BigDecimal value = node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asText());
        return value.scale() <= 0 ? value.toBigIntegerExact().toString() : value.toPlainString();
    }
}
