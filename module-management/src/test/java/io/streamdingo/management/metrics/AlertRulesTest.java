package io.streamdingo.management.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting rules and the Grafana dashboard shipped in {@code docs/operations/}: Prometheus's own
 * {@code promtool} checks the rules and runs their unit tests ({@code alerts-test.yml}: each rule fires on a
 * series that should fire it and stays quiet beside it), parses every dashboard query, and both name only
 * metrics that StreamDingo exports — so renaming a metric breaks this test, not an operator's alerts.
 */
class AlertRulesTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations");
    private static final Pattern METRIC = Pattern.compile("streamdingo_[a-z_]+");

    @TempDir
    Path work;

    /** The names StreamDingo's metrics have on a Prometheus page. */
    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        Stream.of(
                        EngineMetrics.APPENDED,
                        EngineMetrics.PUBLISHED,
                        EngineMetrics.DELIVERED,
                        EngineMetrics.ACKNOWLEDGED,
                        EngineMetrics.NACKED,
                        EngineMetrics.DEAD_LETTERED,
                        EngineMetrics.DUPLICATES,
                        EngineMetrics.REPLAYS,
                        EngineMetrics.SNAPSHOTS,
                        EngineMetrics.INTEGRITY)
                .forEach(counter -> names.add(counter.replace('.', '_') + "_total"));
        Stream.of(EngineMetrics.PUBLISH_DELAY, EngineMetrics.PROCESSING).forEach(timer -> {
            String base = timer.replace('.', '_') + "_seconds";
            names.addAll(List.of(base, base + "_count", base + "_sum", base + "_max"));
        });
        Stream.of(SubscriptionGauges.LAG, SubscriptionGauges.POSITION, SubscriptionGauges.DEAD_LETTERS)
                .forEach(gauge -> names.add(gauge.replace('.', '_')));
        return names;
    }

    private static Set<String> metricsIn(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @Test
    void promtoolFindsTheAlertRulesValid() throws Exception {
        assertThat(promtool("check", "rules", OPERATIONS.resolve("alerts.yml").toString()))
                .contains("SUCCESS: 5 rules found");
    }

    @Test
    void eachAlertFiresOnTheSeriesThatShouldFireItAndStaysQuietBesideIt() throws Exception {
        assertThat(promtool(
                        "test", "rules", OPERATIONS.resolve("alerts-test.yml").toString()))
                .contains("SUCCESS");
    }

    @Test
    void theAlertsNameOnlyMetricsStreamDingoExports() throws Exception {
        String rules = Files.readString(OPERATIONS.resolve("alerts.yml"));

        assertThat(metricsIn(rules)).isNotEmpty().isSubsetOf(exported());
    }

    @Test
    void everyDashboardQueryParsesAndNamesOnlyMetricsStreamDingoExports() throws Exception {
        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(OPERATIONS.resolve("grafana-dashboard.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));
        // each query as a recording rule, the dashboard's variables filled in: promtool parses them all
        Path asRules = work.resolve("dashboard-queries.yml");
        Files.writeString(
                asRules,
                "groups:\n  - name: dashboard\n    rules:\n"
                        + java.util.stream.IntStream.range(0, queries.size())
                                .mapToObj(i -> "      - record: dashboard_query_" + i + "\n        expr: '"
                                        + queries.get(i)
                                                .replace("$application", ".*")
                                                .replace("$subscription", ".*")
                                                .replace("'", "''")
                                        + "'\n")
                                .collect(Collectors.joining()),
                StandardCharsets.UTF_8);

        String checked = promtool("check", "rules", asRules.toString());

        assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
        assertThat(checked).contains("SUCCESS: " + queries.size() + " rules found");
        assertThat(metricsIn(String.join("\n", queries))).isSubsetOf(exported());
    }

    /** What {@code promtool} prints for {@code arguments}; fails the test unless it exits with 0. */
    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(promtoolPath());
        command.addAll(List.of(arguments));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).as("promtool's findings").doesNotContain("FAILED");
        return output;
    }

    private static String promtoolPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        throw new IllegalStateException("promtool is not installed: install Debian's prometheus package (.ci/run does)"
                + " to check the alerting rules in docs/operations");
    }
}
