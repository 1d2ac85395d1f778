package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No event payload in any log: the demo's flows run with a canary string inside payloads (an owner's name, a
 * note, a transfer that fails), the consumers and the message-driven beans process them, and the canary is in
 * no file the server wrote (messages.log, console.log, traces, first-failure data).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayloadsStayOutOfLogsIT {

    private static final String BASE = "http://localhost:9080";
    private static final Path SERVER_LOGS = Path.of("target/liberty/wlp/usr/servers/streamdingo/logs");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(HttpResponse<String> response) {
        return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static List<Path> filesHolding(String canary) throws IOException {
        try (Stream<Path> files = Files.walk(SERVER_LOGS)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(canary);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }

    @Test
    void aCanaryInsidePayloadsReachesNoLogFileThroughTheDemosFlows() throws Exception {
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        String payer = idOf(post("/api/accounts", "{\"owner\":\"" + canary + "\"}"));
        String payee = idOf(post("/api/accounts", "{\"owner\":\"" + canary + "-payee\"}"));
        post("/api/accounts/" + payer + "/deposits", "{\"amount\": 100}");
        post("/api/accounts/" + payer + "/notes", "{\"text\":\"rent " + canary + "\"}");
        post("/api/accounts/" + payer + "/transfers", "{\"to\":\"" + payee + "\",\"amount\": 40}");
        HttpResponse<String> refused =
                post("/api/accounts/" + payer + "/transfers", "{\"to\":\"" + payee + "\",\"amount\": 1000}");

        // the annotated consumer has processed the events (the broker delivered them to the MDBs alike)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!get("/api/activity").body().contains(payee) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(get("/api/activity").body()).contains(payee);
        assertThat(filesHolding(canary)).as("server files holding the canary").isEmpty();
    }
}
