package io.streamdingo.benchmarks.results;

/**
 * One measured figure of a results file.
 *
 * @param name the benchmark's name with its parameters, and for a secondary metric its name after a colon
 * @param unit the unit of {@code score}
 * @param score the figure (JMH's score; the median of the rounds for the mains)
 * @param higherIsBetter whether a larger score is an improvement (throughput) or a regression (time, bytes)
 */
public record Figure(String name, String unit, double score, boolean higherIsBetter) {}
