package io.streamdingo.management.http;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the API answers to one call: the HTTP status, extra headers, and a JSON document (none for 204).
 *
 * @param body the object to write as JSON; null for no body
 */
record ApiAnswer(int status, String contentType, @Nullable Object body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    ApiAnswer {
        headers = Map.copyOf(headers);
    }

    static ApiAnswer ok(Object body) {
        return new ApiAnswer(200, JSON, body, Map.of());
    }

    static ApiAnswer noContent() {
        return new ApiAnswer(204, JSON, null, Map.of());
    }

    static ApiAnswer of(ApiProblem problem) {
        Map<String, String> headers =
                switch (problem.status()) {
                    case 401 -> Map.of("WWW-Authenticate", "Basic realm=\"streamdingo\"");
                    default -> Map.of();
                };
        return new ApiAnswer(problem.status(), PROBLEM, problem.body(), headers);
    }
}
