package io.streamdingo.benchmarks.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a results file in JMH's JSON shape — written by JMH ({@code -rf json}) or by {@link ResultsFile} —
 * into figures by name: each entry's primary metric, and the allocation per operation among its secondary
 * metrics when the GC profiler ran.
 */
public final class ResultsReader {

    private ResultsReader() {}

    /**
     * The figures of {@code file}, in file order.
     *
     * @throws IOException if it cannot be read or is not a JSON list of JMH-shaped entries
     */
    public static Map<String, Figure> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a benchmark results file: expected a JSON list of entries"
                    + " as JMH writes with -rf json");
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (JsonNode entry : root) {
            String name = entry.path("benchmark").asText() + parameters(entry.path("params"));
            boolean throughput = entry.path("mode").asText().equals("thrpt");
            JsonNode primary = entry.path("primaryMetric");
            if (primary.has("score")) {
                figures.put(
                        name,
                        new Figure(
                                name,
                                primary.path("scoreUnit").asText(),
                                primary.path("score").asDouble(),
                                throughput));
            }
            JsonNode allocation = entry.path("secondaryMetrics").path("·gc.alloc.rate.norm");
            if (allocation.has("score")) {
                String allocated = name + ":allocated";
                figures.put(
                        allocated,
                        new Figure(
                                allocated,
                                allocation.path("scoreUnit").asText(),
                                allocation.path("score").asDouble(),
                                false));
            }
        }
        return figures;
    }

    private static String parameters(JsonNode params) {
        if (!params.isObject() || params.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("[");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            out.append(param.getKey()).append('=').append(param.getValue().asText());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        return out.append(']').toString();
    }
}
