package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(HttpResponse<String> response) {
        return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
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
    void readinessIsUpWhenTheDatabaseAnswers() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("streamdingo-database")
                .contains("streamdingo-broker");
    }
}
