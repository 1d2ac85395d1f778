package io.streamdingo.it;

/**
 * A page of Prometheus's text format as {@code /metrics} serves it, read for the samples of one metric whose
 * labels include given {@code name="value"} pairs.
 */
record PrometheusText(String text) {

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /** {@code base}'s {@code /metrics} page now, with {@code query} (empty, or {@code ?scope=…}). */
    static PrometheusText scrape(String base, String query) throws java.io.IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics" + query))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        return new PrometheusText(response.body());
    }

    /** {@code base}'s whole {@code /metrics} page once {@code ready} holds for it; fails after a minute. */
    static PrometheusText awaitScrape(String base, java.util.function.Predicate<PrometheusText> ready)
            throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(60));
        PrometheusText text = scrape(base, "");
        while (!ready.test(text)) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("the figures did not arrive within a minute:\n" + text.text());
            }
            Thread.sleep(500);
            text = scrape(base, "");
        }
        return text;
    }

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
