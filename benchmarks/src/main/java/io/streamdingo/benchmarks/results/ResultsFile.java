package io.streamdingo.benchmarks.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark main's figures in the shape JMH writes with {@code -rf json} (a list of entries with
 * {@code benchmark}, {@code mode} and {@code primaryMetric.score/scoreUnit/rawData}), so that one
 * {@code Compare} reads the mains' results and JMH's alike. The score is the median of the rounds.
 */
public final class ResultsFile {

    /** Where results go unless {@code -Dbenchmark.results=<folder>} says otherwise. */
    public static final String DEFAULT_FOLDER = "target/benchmark-results";

    private final List<Map<String, Object>> entries = new ArrayList<>();

    /** A throughput figure (higher is better), one value per round. */
    public void throughput(String name, String unit, double... rounds) {
        add(name, "thrpt", unit, rounds);
    }

    /** A time or size figure (lower is better), one value per round. */
    public void cost(String name, String unit, double... rounds) {
        add(name, "avgt", unit, rounds);
    }

    private void add(String name, String mode, String unit, double[] rounds) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("score", median(rounds));
        metric.put("scoreUnit", unit);
        metric.put("rawData", List.of(Arrays.stream(rounds).boxed().toList()));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("benchmark", name);
        entry.put("mode", mode);
        entry.put("primaryMetric", metric);
        entries.add(entry);
    }

    /**
     * Writes the figures to {@code <folder>/<file>}, the folder from {@code benchmark.results} or
     * {@link #DEFAULT_FOLDER}.
     *
     * @return the file written
     */
    public Path write(String file) throws IOException {
        Path folder = Path.of(System.getProperty("benchmark.results", DEFAULT_FOLDER));
        Files.createDirectories(folder);
        Path target = folder.resolve(file);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), entries);
        return target;
    }

    /** The middle value (the upper one of an even count). */
    public static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
