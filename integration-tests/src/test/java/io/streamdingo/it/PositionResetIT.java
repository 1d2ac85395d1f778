package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator resets the demo's activity consumer to an instant through the management API, and the consumer
 * receives the events recorded since then again — seen in the server's metrics as deliveries — and, its
 * stream being exactly-once, recognises each as processed before and skips it: the feed lists each event once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PositionResetIT {

    private static final String BASE = "http://localhost:9080";
    private static final String API = BASE + "/streamdingo/api";
    private static final String SUBSCRIPTION = "account-activity";
    private static final String ONLY_ACTIVITY = "subscription=\"" + SUBSCRIPTION + "\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void demoIsReady() throws Exception {
        BankCalls.awaitReady(BASE);
    }

    @Test
    void resettingTheActivityConsumerToAnInstantDeliversTheEventsSinceThenAgain() throws Exception {
        // given an account with three events, all consumed
        PrometheusText start = PrometheusText.scrape(BASE, "");
        Instant before = Instant.now();
        Thread.sleep(50);
        String id =
                BankCalls.idOf(BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"Reset\",\"currency\":\"EUR\"}"));
        BankCalls.post(BASE + "/api/accounts/" + id + "/deposits", "{\"amount\": 10}");
        BankCalls.post(BASE + "/api/accounts/" + id + "/deposits", "{\"amount\": 5}");
        PrometheusText consumed = PrometheusText.awaitScrape(
                BASE, text -> text.increase(start, "streamdingo_events_acknowledged_total", ONLY_ACTIVITY) >= 3);

        // when the operator resets the subscription's positions to the instant before them
        for (String key : consumerKeys()) {
            HttpResponse<String> reset = send(
                    HttpRequest.newBuilder(URI.create(API + "/subscriptions/" + SUBSCRIPTION + "/positions/" + key))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"time\": \"" + before + "\"}")));
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        }

        // then the events come again, and each is skipped as processed before
        PrometheusText redelivered = PrometheusText.awaitScrape(
                BASE, text -> text.increase(consumed, "streamdingo_duplicates_skipped_total", ONLY_ACTIVITY) >= 3);
        assertThat(redelivered.increase(consumed, "streamdingo_events_delivered_total", ONLY_ACTIVITY))
                .isGreaterThanOrEqualTo(3);
        JsonNode activity = JSON.readTree(BankCalls.get(BASE + "/api/activity").body());
        assertThat(activity.findValuesAsText("account").stream().filter(id::equals))
                .as("the exactly-once feed records each of the account's events once")
                .hasSize(3);
    }

    private static java.util.List<String> consumerKeys() throws Exception {
        HttpResponse<String> subscription =
                send(HttpRequest.newBuilder(URI.create(API + "/subscriptions/" + SUBSCRIPTION)));
        assertThat(subscription.statusCode()).as(subscription.body()).isEqualTo(200);
        java.util.List<String> keys =
                JSON.readTree(subscription.body()).path("positions").findValuesAsText("consumerKey");
        assertThat(keys).as(subscription.body()).isNotEmpty();
        return keys.stream()
                .map(key ->
                        java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20"))
                .toList();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return BankCalls.sendAs("operator", request);
    }
}
