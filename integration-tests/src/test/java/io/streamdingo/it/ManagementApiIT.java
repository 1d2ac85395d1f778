package io.streamdingo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamRange;
import io.streamdingo.demo.bank.BankEvents.NoteAdded;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The management API inside Liberty: the server's security in front of it (BASIC log-in, the two roles),
 * stream ids with reserved characters in paths, problem documents for bad input, and the live feed read by a
 * real HTTP client that resumes with {@code Last-Event-ID}. The calls go to the demo (whose roles the server's
 * configuration maps to its users); the test runs in a copy of the demo that shares its database, to write
 * streams the demo's own API cannot.
 */
@ExtendWith(ArquillianExtension.class)
class ManagementApiIT {

    private static final String API = "http://localhost:9080/streamdingo/api";
    private static final String OPERATOR = "operator:it-operator-secret";
    private static final String OBSERVER = "observer:it-observer-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return DemoDeployment.with(ManagementApiIT.class, "management-it");
    }

    @Inject
    EventStore store;

    private static HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return HTTP.send(request(path, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String path, String user, String json) throws Exception {
        return HTTP.send(
                request(path, user)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private List<RecordedEvent> appendNotes(StreamId stream, int count) {
        List<NewEvent> notes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            notes.add(NewEvent.of(new NoteAdded("note " + i)));
        }
        AppendResult written = store.append(stream, ExpectedVersion.any(), notes);
        return store.read(stream, StreamRange.slice(written.firstVersion(), written.currentVersion()))
                .toList();
    }

    @Test
    void withoutCredentialsTheServerAsksForThemAndAViewerCannotChangeAnything() throws Exception {
        HttpResponse<String> anonymous = get("/streams", null);
        HttpResponse<String> viewer = put("/subscriptions/account-activity/positions/x", OBSERVER, "{\"position\":0}");
        HttpResponse<String> wrongPassword = get("/streams", "operator:wrong");

        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(403, viewer.statusCode());
        assertEquals(401, wrongPassword.statusCode());
    }

    @Test
    void aStreamIdWithReservedCharactersIsFoundThroughItsEncodedPathSegment() throws Exception {
        String id = "a/b%c .. dé " + UUID.randomUUID();
        appendNotes(StreamId.of("mgmtcheck", id), 2);
        String encoded = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");

        HttpResponse<String> stream = get("/streams/mgmtcheck/" + encoded, OBSERVER);
        HttpResponse<String> verification = get("/streams/mgmtcheck/" + encoded + "/verification", OBSERVER);

        assertEquals(200, stream.statusCode(), stream.body());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(stream.body().contains("\"version\":2"), stream.body());
        assertTrue(verification.body().contains("\"intact\":true"), verification.body());
    }

    @Test
    void anIdOfTwoDotsIsAStreamNotAStepUp() throws Exception {
        String category = "mgmtdots" + UUID.randomUUID().toString().substring(0, 8);
        appendNotes(StreamId.of(category, ".."), 1);

        HttpResponse<String> stream = get("/streams/" + category + "/%2E%2E", OBSERVER);

        assertEquals(200, stream.statusCode(), stream.body());
        assertTrue(stream.body().contains("\"id\":\"..\""), stream.body());
    }

    @Test
    void badInputIsAProblemDocumentNamingTheField() throws Exception {
        HttpResponse<String> answer =
                put("/subscriptions/account-activity/positions/anyone", OPERATOR, "{\"position\": -1}");

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(answer.body().contains("\"field\":\"position\""), answer.body());
    }

    @Test
    void theSchemaRegistryWrittenAtStartListsTheDemosEventTypesWithTheirJsonSchemas() throws Exception {
        HttpResponse<String> list = get("/schemas?limit=500", OBSERVER);
        HttpResponse<String> note = get("/schemas/bank.NoteAdded/1", OBSERVER);

        assertEquals(200, list.statusCode(), list.body());
        for (String type : List.of("bank.AccountOpened", "bank.MoneyDeposited", "bank.NoteAdded")) {
            assertTrue(list.body().contains("\"name\":\"" + type + "\""), type + " missing from " + list.body());
        }
        assertEquals(200, note.statusCode(), note.body());
        com.fasterxml.jackson.databind.JsonNode schema =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(note.body());
        assertEquals(NoteAdded.class.getName(), schema.path("javaType").asText());
        assertEquals(
                "string",
                schema.path("jsonSchema")
                        .path("properties")
                        .path("text")
                        .path("type")
                        .asText(),
                note.body());
    }

    @Test
    void openApiDescribesTheManagementCalls() throws Exception {
        HttpResponse<String> openapi = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:9080/openapi"))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, openapi.statusCode(), openapi.body());
        for (String path : List.of(
                "/streamdingo/api/streams/{category}/{id}/verification",
                "/streamdingo/api/subscriptions/{name}/positions/{key}",
                "/streamdingo/api/subscriptions/{name}/dead-letters/{id}/replay",
                "/streamdingo/api/schemas/{name}/{version}")) {
            assertTrue(openapi.body().contains(path), path + " missing from /openapi");
        }
        assertTrue(openapi.body().contains("streamdingo-basic"), "the security scheme is described");
    }

    @Test
    void theSubscriptionsListShowsTheDemosSubscriptionsWithTheirPositions() throws Exception {
        HttpResponse<String> list = get("/subscriptions", OBSERVER);

        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"name\":\"account-activity\""), list.body());
        assertTrue(list.body().contains("\"name\":\"account-audit\""), list.body());
        assertTrue(list.body().contains("\"semantics\":\"EXACTLY_ONCE\""), list.body());
    }

    @Test
    void theLiveFeedSendsAppendedEventsAndResumesAfterLastEventId() throws Exception {
        StreamId stream = StreamId.of("account", "feed-" + UUID.randomUUID());
        List<String> first;
        try (BufferedReader feed = open("?types=bank.NoteAdded", null)) {
            List<RecordedEvent> events = appendNotes(stream, 2);
            first = readIds(feed, 2);
            assertEquals(
                    List.of(
                            String.valueOf(events.get(0).globalPosition()),
                            String.valueOf(events.get(1).globalPosition())),
                    first);
        }

        try (BufferedReader resumed = open("?types=bank.NoteAdded&after=0", first.get(0))) {
            assertEquals(List.of(first.get(1)), readIds(resumed, 1));
        }
    }

    private static BufferedReader open(String query, String lastEventId) throws Exception {
        HttpRequest.Builder builder = request("/subscriptions/account-activity/feed" + query, OBSERVER)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static List<String> readIds(BufferedReader feed, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        String line;
        while (ids.size() < count && (line = feed.readLine()) != null) {
            if (line.startsWith("id: ")) {
                ids.add(line.substring(4));
            }
        }
        return ids;
    }
}
