package io.streamdingo.engine.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the personal values of a JSON payload in one streaming pass, copying everything else exactly as it was
 * written (numbers included): no tree is built, so a payload costs one parse and one write.
 */
final class PersonalValues {

    private PersonalValues() {}

    /** What becomes of one personal value. */
    interface Change {
        /**
         * Writes the new value to {@code out} for the value at {@code in}'s current token, reading all of it.
         *
         * @param at the value's concrete path ({@code address.street}, {@code contacts[0].value}, {@code limits[eur]})
         */
        void apply(JsonParser in, JsonGenerator out, String at) throws IOException;
    }

    /** A path still being followed: its steps, how far it got, and the concrete path so far. */
    private record Live(List<String> steps, int step, String at) {

        boolean last() {
            return step == steps.size() - 1;
        }
    }

    /**
     * {@code json} with the value at each of {@code paths} (property names, {@code *} for any array element or map
     * value) replaced by what {@code change} writes.
     *
     * @throws IOException if {@code json} is not JSON
     */
    static byte[] rewrite(JsonFactory factory, byte[] json, List<List<String>> paths, Change change)
            throws IOException {
        return rewrite(factory, json, paths, null, new String[1], change);
    }

    /**
     * Like {@link #rewrite(JsonFactory, byte[], List, Change)}, noting in {@code watched[0]} the text of the
     * top-level scalar property {@code watch} as soon as the pass reaches it: the changes after it can use it.
     */
    static byte[] rewrite(
            JsonFactory factory,
            byte[] json,
            List<List<String>> paths,
            @Nullable String watch,
            @Nullable String[] watched,
            Change change)
            throws IOException {
        List<Live> live = new ArrayList<>(paths.size());
        for (List<String> path : paths) {
            live.add(new Live(path, 0, ""));
        }
        ByteArrayBuilder out = new ByteArrayBuilder(json.length + 128);
        try (JsonParser in = factory.createParser(json);
                JsonGenerator generator = factory.createGenerator(out)) {
            if (in.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            if (watch != null && in.currentToken() == JsonToken.START_OBJECT) {
                root(in, generator, live, watch, watched, change);
            } else {
                copy(in, generator, live, change);
            }
            if (in.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        }
        return out.toByteArray();
    }

    /**
     * The JSON text of the value at {@code in}'s current token, reading all of it: scalars straight from the
     * parser (numbers as written), structures through a generator of their own.
     */
    static byte[] json(JsonFactory factory, JsonParser in) throws IOException {
        switch (in.currentToken()) {
            case VALUE_STRING -> {
                byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(in.getText());
                byte[] text = new byte[quoted.length + 2];
                text[0] = '"';
                System.arraycopy(quoted, 0, text, 1, quoted.length);
                text[text.length - 1] = '"';
                return text;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                return in.getText().getBytes(StandardCharsets.US_ASCII);
            }
            default -> {
                ByteArrayBuilder value = new ByteArrayBuilder(128);
                try (JsonGenerator generator = factory.createGenerator(value)) {
                    copyExact(in, generator);
                }
                return value.toByteArray();
            }
        }
    }

    /** Copies the value at {@code in}'s current token, all of it, numbers exactly as they were written. */
    static void copyExact(JsonParser in, JsonGenerator out) throws IOException {
        int depth = 0;
        do {
            JsonToken token = in.currentToken();
            out.copyCurrentEventExact(in);
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
        } while (depth > 0 && in.nextToken() != null);
    }

    /** Copies the root object like {@link #copy}, noting the value of property {@code watch} on the way. */
    private static void root(
            JsonParser in, JsonGenerator out, List<Live> live, String watch, @Nullable String[] watched, Change change)
            throws IOException {
        out.writeStartObject();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            out.writeFieldName(name);
            JsonToken value = in.nextToken();
            if (name.equals(watch) && value.isScalarValue()) {
                watched[0] = value == JsonToken.VALUE_NULL ? null : in.getText();
            }
            member(in, out, live, name, name, change);
        }
        out.writeEndObject();
    }

    /** Copies the value at {@code in}'s current token, following {@code live} paths into it. */
    private static void copy(JsonParser in, JsonGenerator out, List<Live> live, Change change) throws IOException {
        JsonToken token = in.currentToken();
        if (live.isEmpty() || !token.isStructStart()) {
            copyExact(in, out);
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            out.writeStartObject();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                out.writeFieldName(name);
                in.nextToken();
                member(in, out, live, name, name, change);
            }
            out.writeEndObject();
        } else {
            out.writeStartArray();
            int index = 0;
            while (in.nextToken() != JsonToken.END_ARRAY) {
                member(in, out, live, null, Integer.toString(index++), change);
            }
            out.writeEndArray();
        }
    }

    /**
     * The member {@code key} of an object ({@code name} its property name) or an array ({@code name} null): a value
     * to change if a path ends here, else copied with the paths that go on into it.
     */
    private static void member(
            JsonParser in, JsonGenerator out, List<Live> live, String name, String key, Change change)
            throws IOException {
        List<Live> next = null;
        for (Live path : live) {
            String step = path.steps().get(path.step());
            boolean any = step.equals("*");
            if (!any && !step.equals(name)) {
                continue;
            }
            String at = any ? path.at() + "[" + key + "]" : path.at().isEmpty() ? name : path.at() + "." + name;
            if (path.last()) {
                change.apply(in, out, at);
                return;
            }
            if (next == null) {
                next = new ArrayList<>(live.size());
            }
            next.add(new Live(path.steps(), path.step() + 1, at));
        }
        copy(in, out, next == null ? List.of() : next, change);
    }
}
