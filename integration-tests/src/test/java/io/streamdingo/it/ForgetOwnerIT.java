package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crypto-shredding in the demo: an account owner's name is personal data. An operator forgets the owner through
 * the management API; the account's balance still rebuilds from its events, the name reads as null, and the
 * account's hash chain still verifies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForgetOwnerIT {

    private static final String BASE = "http://localhost:9080";
    private static final String API = BASE + "/streamdingo/api";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void demoIsReady() throws Exception {
        BankCalls.awaitReady(BASE);
    }

    @Test
    void forgettingAnOwnerRedactsTheNameWhileTheBalanceStillRebuilds() throws Exception {
        // given an account of Ada Lovelace with a few deposits
        String id = BankCalls.idOf(
                BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"Ada Lovelace\",\"currency\":\"EUR\"}"));
        for (int i = 1; i <= 12; i++) {
            BankCalls.post(BASE + "/api/accounts/" + id + "/deposits", "{\"amount\": 10}");
        }
        JsonNode before = account(id);
        assertThat(before.get("owner").asText()).isEqualTo("Ada Lovelace");

        // when an operator forgets the owner
        HttpResponse<String> forget = BankCalls.sendAs(
                "operator",
                HttpRequest.newBuilder(URI.create(API + "/subjects/" + id + "/key"))
                        .DELETE());

        // then the balance rebuilds, the name is gone, and the stream still verifies
        assertThat(forget.statusCode()).as(forget.body()).isEqualTo(200);
        assertThat(JSON.readTree(forget.body()).get("forgotten").asBoolean()).isTrue();
        JsonNode after = account(id);
        assertThat(after.get("balance").decimalValue())
                .isEqualByComparingTo(before.get("balance").decimalValue());
        assertThat(after.get("balance").decimalValue()).isEqualByComparingTo("120");
        assertThat(after.path("owner").isTextual()).as(after.toString()).isFalse(); // null, so left out
        assertThat(after.toString()).doesNotContain("Ada");
        HttpResponse<String> verification = BankCalls.sendAs(
                "operator", HttpRequest.newBuilder(URI.create(API + "/streams/account/" + id + "/verification")));
        assertThat(verification.body()).contains("\"intact\":true");
    }

    @Test
    void aViewerMayNotForgetAnOwner() throws Exception {
        String id = BankCalls.idOf(
                BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"Grace Hopper\",\"currency\":\"EUR\"}"));
        HttpResponse<String> forget = BankCalls.sendAs(
                "observer",
                HttpRequest.newBuilder(URI.create(API + "/subjects/" + id + "/key"))
                        .DELETE());

        assertThat(forget.statusCode()).isEqualTo(403);
        assertThat(account(id).get("owner").asText()).isEqualTo("Grace Hopper");
    }

    private static JsonNode account(String id) throws Exception {
        HttpResponse<String> response = BankCalls.get(BASE + "/api/accounts/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
