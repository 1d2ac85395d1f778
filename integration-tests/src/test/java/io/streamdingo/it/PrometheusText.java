package io.streamdingo.it;

/**
 * A page of Prometheus's text format as {@code /metrics} serves it, read for the samples of one metric whose
 * labels include given {@code name="value"} pairs.
 */
record PrometheusText(String text) {

    /** The sum of the matching samples, or null if there are none. */
    Double value(String metric, String... labels) {
        Double sum = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String labelPart = close < 0 ? "" : line.substring(metric.length(), close + 1);
            boolean matches = true;
            for (String label : labels) {
                matches &= labelPart.contains(label);
            }
            if (matches) {
                String[] parts = line.substring(close + 1).trim().split(" ");
                sum = (sum == null ? 0 : sum) + Double.parseDouble(parts[0]);
            }
        }
        return sum;
    }

    /** How much the matching samples grew since {@code before} (a missing series counts as 0). */
    double increase(PrometheusText before, String metric, String... labels) {
        Double now = value(metric, labels);
        Double then = before.value(metric, labels);
        return (now == null ? 0 : now) - (then == null ? 0 : then);
    }
}
