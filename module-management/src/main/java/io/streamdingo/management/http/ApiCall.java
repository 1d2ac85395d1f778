package io.streamdingo.management.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of the management API as the servlet received it, without anything of the servlet: the method,
 * the path below the API's root split into decoded segments, the query parameters, the body and the caller.
 *
 * <p>Path segments are decoded one by one from the raw path, so a stream id holding {@code /}, {@code %},
 * {@code ..}, spaces or non-ASCII letters travels percent-encoded in a single segment.
 */
record ApiCall(String method, List<String> path, Map<String, List<String>> query, String body, Caller caller) {

    ApiCall {
        path = List.copyOf(path);
        query = Map.copyOf(query);
    }

    /**
     * The decoded segments of a raw (still percent-encoded) path such as {@code /streams/account/a%2Fb};
     * empty segments (a leading or doubled slash) are dropped.
     *
     * @throws ApiProblem 400 if a segment holds a broken escape or bytes that are not UTF-8
     */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    plain = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(plain);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw ApiProblem.badInput(
                        "path",
                        "the path segment '" + raw + "' holds a '%' not followed by two hex digits; encode"
                                + " '%' as %25");
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badInput("path", "the path segment '" + raw + "' is not UTF-8 once decoded");
        }
    }

    /** The single value of query parameter {@code name}, if given. */
    Optional<String> parameter(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ApiProblem.badInput(
                    name, "give the query parameter " + name + " once, not " + values.size() + " times");
        }
        return values.stream().findFirst();
    }

    /** The path segment at {@code index}. */
    String segment(int index) {
        return path.get(index);
    }
}
