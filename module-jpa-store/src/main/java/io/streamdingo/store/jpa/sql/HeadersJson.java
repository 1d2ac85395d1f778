package io.streamdingo.store.jpa.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Map;

/** An event's free-form headers as the JSON object of strings its rows keep. */
final class HeadersJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private HeadersJson() {}

    static String write(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event headers cannot be written as JSON", e);
        }
    }

    static Map<String, String> read(String text) throws SQLException {
        if (text.equals("{}")) {
            return Map.of(); // what most events carry: no parser for it
        }
        try {
            return JSON.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored event headers are not a JSON object of strings", e);
        }
    }
}
