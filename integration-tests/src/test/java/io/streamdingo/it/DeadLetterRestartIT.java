package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dead letter is kept in the database, not in the application: a consumer that fails on a note makes it a dead
 * letter; the application is undeployed and its next version deployed (its engine, subscriptions and memory start
 * afresh) with the consumer mended; the dead letter is still listed by the management API, and replaying it through the
 * API delivers it to the mended consumer, after which it is gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadLetterRestartIT {

    private static final String FAILING = "letters-it";
    private static final String MENDED = "letters-it-mended";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = FAILING, managed = false, testable = false)
    static WebArchive failing() {
        return archive(FAILING, false);
    }

    /** The next version of the application: another archive (Arquillian wants distinct names), the same database. */
    @Deployment(name = MENDED, managed = false, testable = false)
    static WebArchive mended() {
        return archive(MENDED, true);
    }

    private static String base(String application) {
        return "http://localhost:9080/" + application;
    }

    private static String letters(String application) {
        return base(application) + "/streamdingo/api/subscriptions/poisoned-notes/dead-letters";
    }

    private static WebArchive archive(String name, boolean mended) {
        return DemoDeployment.with(
                PoisonedNotes.class,
                name,
                "streamdingo.subscriptions.poisoned-notes.start=latest\n"
                        + "streamdingo.subscriptions.poisoned-notes.event-types=bank.NoteAdded\n"
                        + "streamdingo.subscriptions.poisoned-notes.retry.max-attempts=2\n"
                        + "streamdingo.subscriptions.poisoned-notes.retry.initial-backoff=PT0.2S\n"
                        + "letters-it.mended=" + mended + "\n");
    }

    @Test
    void aDeadLetterOutlivesARestartOfTheApplicationAndIsReplayedThroughTheApi() throws Exception {
        // given a dead letter made by the failing consumer
        String account;
        String letter;
        deployer.deploy(FAILING);
        try {
            BankCalls.awaitReady("http://localhost:9080");
            account = BankCalls.idOf(
                    BankCalls.post(base(FAILING) + "/api/accounts", "{\"owner\":\"Letters\",\"currency\":\"EUR\"}"));
            BankCalls.post(
                    base(FAILING) + "/api/accounts/" + account + "/notes",
                    "{\"text\":\"poison " + UUID.randomUUID() + "\"}");
            letter = await("the note becomes a dead letter", () -> {
                Optional<String> found = letterOf(FAILING, account);
                return found == null ? null : found.orElse(null);
            });
        } finally {
            deployer.undeploy(FAILING);
        }

        // when the application comes back, mended, and an operator replays the letter
        deployer.deploy(MENDED);
        try {
            BankCalls.awaitReady("http://localhost:9080");
            Optional<String> kept = await("the API answers", () -> letterOf(MENDED, account));
            HttpResponse<String> replay =
                    send(HttpRequest.newBuilder(URI.create(letters(MENDED) + "/" + letter + "/replay"))
                            .POST(HttpRequest.BodyPublishers.noBody()));

            // then it was still there, and the mended consumer's delivery settles it
            assertThat(kept).contains(letter);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(204);
            await("the replayed letter is gone", () -> {
                Optional<String> found = letterOf(MENDED, account);
                return found != null && found.isEmpty() ? Boolean.TRUE : null;
            });
        } finally {
            deployer.undeploy(MENDED);
        }
    }

    /** The id of the dead letter of {@code account}'s note, or empty; null while the API does not answer. */
    private static Optional<String> letterOf(String application, String account) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(letters(application) + "?limit=500")));
        if (page.statusCode() != 200) {
            return null; // not deployed yet: ask again
        }
        for (JsonNode item : JSON.readTree(page.body()).path("items")) {
            if (item.path("event").path("streamId").asText().equals(account)) {
                return Optional.of(item.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private static <T> T await(String what, Callable<T> value) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            T found = value.call();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        String operator =
                Base64.getEncoder().encodeToString("operator:it-operator-secret".getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                request.header("Authorization", "Basic " + operator).build(), HttpResponse.BodyHandlers.ofString());
    }
}
