package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} of the demo server, scraped before and after the demo's flows: StreamDingo's figures move by
 * what happened (three events appended to accounts count three), and Prometheus's own linter, {@code promtool
 * check metrics}, finds nothing wrong with StreamDingo's metrics. The demo's series carry
 * {@code mp_app="streamdingo-demo"}, so the in-container tests' copies of the demo, deployed and undeployed before,
 * took none of them away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final String BASE = "http://localhost:9080";

    @BeforeEach
    void demoIsReady() throws Exception {
        BankCalls.awaitReady(BASE);
    }

    @Test
    void theDemosFlowsMoveTheFiguresByWhatHappened() throws Exception {
        // given
        PrometheusText before = scrape();

        // when an account is opened, paid into and drawn from (three events), and its balance read
        String id =
                BankCalls.idOf(BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"Metrics\",\"currency\":\"EUR\"}"));
        BankCalls.post(BASE + "/api/accounts/" + id + "/deposits", "{\"amount\": 10}");
        BankCalls.post(BASE + "/api/accounts/" + id + "/withdrawals", "{\"amount\": 3}");
        BankCalls.get(BASE + "/api/accounts/" + id);

        // then
        PrometheusText after = awaitScrape(text ->
                text.increase(before, "streamdingo_events_acknowledged_total", "subscription=\"account-activity\"") >= 3
                        && text.increase(before, "streamdingo_events_published_total", "category=\"account\"") >= 3
                        // the processing timer is recorded after the acknowledgement: wait for it too
                        && text.increase(
                                        before,
                                        "streamdingo_processing_time_seconds_count",
                                        "subscription=\"account-activity\"")
                                >= 3);
        assertThat(after.increase(
                        before,
                        "streamdingo_events_appended_total",
                        "category=\"account\"",
                        "mp_app=\"streamdingo-demo\""))
                .isEqualTo(3);
        assertThat(after.increase(before, "streamdingo_events_delivered_total", "subscription=\"account-activity\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.increase(
                        before, "streamdingo_processing_time_seconds_count", "subscription=\"account-activity\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.increase(before, "streamdingo_relay_publish_delay_seconds_count", "category=\"account\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.increase(before, "streamdingo_replays_total", "aggregate_type=\"account\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("streamdingo_subscription_lag", "subscription=\"account-activity\""))
                .isNotNull();
        assertThat(after.value("streamdingo_dead_letters", "subscription=\"account-activity\""))
                .isEqualTo(0);
    }

    @Test
    void promtoolFindsNothingWrongWithStreamDingosMetrics() throws Exception {
        // given the pages after some work: the application's scope, and the whole page with the server's own
        BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"Lint\",\"currency\":\"EUR\"}");
        awaitScrape(text -> text.value("streamdingo_events_appended_total") != null);
        Path application = Files.writeString(
                Path.of("target", "metrics-application.prom"),
                scrape("?scope=application").text());
        Path whole =
                Files.writeString(Path.of("target", "metrics.prom"), scrape("").text());

        // when
        List<String> onApplication = promtoolFindings(application);
        List<String> onWhole = promtoolFindings(whole);

        // then nothing on the application's page, and nothing about StreamDingo's metrics on the whole page (the
        // server's own base and vendor metrics have camelCase names that promtool's naming rules report)
        assertThat(application).content().contains("streamdingo_events_appended_total");
        assertThat(onApplication)
                .as("promtool on target/metrics-application.prom")
                .isEmpty();
        assertThat(onWhole).as("promtool on target/metrics.prom").noneMatch(line -> line.contains("streamdingo"));
    }

    private static List<String> promtoolFindings(Path page) throws Exception {
        Process check = new ProcessBuilder(promtool(), "check", "metrics")
                .redirectInput(page.toFile())
                .redirectErrorStream(true)
                .start();
        String findings = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return findings.lines().filter(line -> !line.isBlank()).toList();
    }

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        throw new IllegalStateException(
                "promtool is not installed: install Debian's prometheus package (.ci/run does) to check /metrics");
    }

    private static PrometheusText scrape() throws Exception {
        return PrometheusText.scrape(BASE, "");
    }

    private static PrometheusText scrape(String query) throws Exception {
        return PrometheusText.scrape(BASE, query);
    }

    private static PrometheusText awaitScrape(java.util.function.Predicate<PrometheusText> ready) throws Exception {
        return PrometheusText.awaitScrape(BASE, ready);
    }
}
