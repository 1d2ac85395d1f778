package io.streamdingo.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls to the demo's REST API over HTTP, for the tests that run as its clients. */
final class BankCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BankCalls() {}

    static HttpResponse<String> post(String url, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the demo at {@code base} is ready (its readiness check answers 200): a test that runs as a
     * client may start while the server is still starting the demo.
     */
    static void awaitReady(String base) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        while (true) {
            try {
                if (get(base + "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the port is not open yet
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the demo at " + base + " was not ready within 2 minutes");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Sends {@code request} as a user of the management API: {@code operator} (role streamdingo-admin) or
     * {@code observer} (streamdingo-viewer), with the passwords the tests' server configuration gives them.
     */
    static HttpResponse<String> sendAs(String user, HttpRequest.Builder request) throws Exception {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((user + ":it-" + user + "-secret").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HTTP.send(
                request.header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code id} of the account in a response's JSON body. */
    static String idOf(HttpResponse<String> response) {
        return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }
}
