package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo's REST API and health, over HTTP against the running server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BankApiIT {

    private static final String BASE = "http://localhost:9080";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return BankCalls.post(BASE + path, json);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return BankCalls.get(BASE + path);
    }

    private static String idOf(HttpResponse<String> response) {
        return BankCalls.idOf(response);
    }

    @Test
    void anOpenedAccountShowsItsBalanceRebuiltFromEvents() throws Exception {
        HttpResponse<String> opened = post("/api/accounts", "{\"owner\":\"Ada\",\"currency\":\"EUR\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String id = idOf(opened);

        assertThat(post("/api/accounts/" + id + "/deposits", "{\"amount\": 100.50}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/accounts/" + id + "/withdrawals", "{\"amount\": 30}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> balance = get("/api/accounts/" + id);
        assertThat(balance.statusCode()).isEqualTo(200);
        assertThat(balance.body()).contains("\"balance\":70.50").contains("\"version\":3");
    }

    @Test
    void anUnknownAccountIsNotFoundWithAMessage() throws Exception {
        HttpResponse<String> response = get("/api/accounts/no-such-account");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("there is no account no-such-account");
    }

    @Test
    void aNegativeAmountIsABadRequestNamingTheRule() throws Exception {
        String id = idOf(post("/api/accounts", "{\"owner\":\"Bob\"}"));

        HttpResponse<String> response = post("/api/accounts/" + id + "/deposits", "{\"amount\": -5}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("amount must be positive");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        String id = idOf(post("/api/accounts", "{\"owner\":\"Eve\"}"));

        HttpResponse<String> response = post("/api/accounts/" + id + "/deposits", "{\"amount\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void theCreatedAccountsLocationLeadsToIt() throws Exception {
        HttpResponse<String> opened = post("/api/accounts", "{\"owner\":\"Lin\"}");
        String location = opened.headers().firstValue("Location").orElseThrow();

        assertThat(URI.create(location).getPath()).isEqualTo("/api/accounts/" + idOf(opened));
        HttpResponse<String> followed = HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE).resolve(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).contains("\"owner\":\"Lin\"");
    }

    @Test
    void aTransferToTheSameAccountIsRefusedAndMovesNothing() throws Exception {
        String id = idOf(post("/api/accounts", "{\"owner\":\"Sam\"}"));
        post("/api/accounts/" + id + "/deposits", "{\"amount\": 10}");

        HttpResponse<String> response =
                post("/api/accounts/" + id + "/transfers", "{\"to\":\"" + id + "\",\"amount\": 5}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("two different accounts");
        assertThat(get("/api/accounts/" + id).body()).contains("\"balance\":10").contains("\"version\":2");
    }

    @Test
    void anInvalidAccountIdIsABadRequestThatTheServerDoesNotLogAsAnError() throws Exception {
        long errorsBefore = serverErrors();

        HttpResponse<String> response = get("/api/accounts/" + "x".repeat(1_000));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"status\":400").contains("characters long; the limit is");
        assertThat(serverErrors())
                .as("error lines in the server's messages.log")
                .isEqualTo(errorsBefore);
    }

    /** Error lines (" E ", e.g. CNTR0020E) in the running server's log, which this client test shares a disk with. */
    private static long serverErrors() throws Exception {
        Path log = Path.of("target/liberty/wlp/usr/servers/streamdingo/logs/messages.log");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" E ")).count();
        }
    }

    @Test
    void aMethodTheResourceDoesNotAllowAnswersJsonNamingTheAllowedOnes() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + "/api/accounts"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":405").contains("method not allowed here; allowed: ");
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

    @Test
    void aBodyThatIsNotJsonAnswersJsonSayingWhatToSend() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + "/api/accounts"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("owner=Ada"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"status\":415").contains("Content-Type: application/json");
    }

    @Test
    void theRootIsALandingPageLinkingTheApiAndHealth() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("StreamDingo demo bank")
                .contains("api/accounts")
                .contains("health/ready");
    }

    @Test
    void theLibrarysReadinessChecksAreUpWhenTheDatabaseAndBrokerAnswer() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("streamdingo-database")
                .contains("headPosition")
                .contains("streamdingo-broker")
                .contains("subscriptionQueues")
                .contains("streamdingo-relay")
                .contains("\"account\":\"position ");
    }

    @Test
    void theLibrarysLivenessCheckReportsEachConsumersLag() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("streamdingo-consumers")
                .contains("account-activity")
                .contains("lag ");
    }
}
