package io.streamdingo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.Subscribe;
import io.streamdingo.demo.bank.BankEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OPS-1 inside Liberty: a consumer whose method hangs while events wait turns the server's liveness DOWN,
 * naming it STALLED, after the configured time (2 s here), and UP again once it moves on.
 */
@ExtendWith(ArquillianExtension.class)
class StalledConsumerIT {

    private static final String LIVE = "http://localhost:9080/health/live";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return DemoDeployment.secondService("stalled", Hanging.class, "streamdingo.health.stalled-after=PT2S\n")
                .addClass(StalledConsumerIT.class)
                .addClass(DemoDeployment.class);
    }

    /** A consumer whose method does not return until it is released, as one stuck on a remote call. */
    @ApplicationScoped
    public static class Hanging {
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Subscribe(value = "stall-test", stream = "stallcheck")
        void hang(RecordedEvent event) throws InterruptedException {
            RELEASE.await(60, TimeUnit.SECONDS);
        }
    }

    @Inject
    EventStore store;

    private static HttpResponse<String> awaitLiveness(Predicate<HttpResponse<String>> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        HttpResponse<String> response;
        do {
            response =
                    HTTP.send(HttpRequest.newBuilder(URI.create(LIVE)).build(), HttpResponse.BodyHandlers.ofString());
            if (condition.test(response)) {
                return response;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return response;
    }

    @Test
    void aHangingConsumerWithEventsWaitingTurnsLivenessDownUntilItMovesOn() throws Exception {
        HttpResponse<String> stalled;
        try {
            for (int i = 0; i < 2; i++) {
                store.append(
                        StreamId.of("stallcheck", "s-1"),
                        ExpectedVersion.any(),
                        NewEvent.of(new BankEvents.MoneyDeposited(java.math.BigDecimal.ONE)));
            }
            stalled = awaitLiveness(r -> r.statusCode() == 503 && r.body().contains("STALLED"));
        } finally {
            Hanging.RELEASE.countDown();
        }
        HttpResponse<String> movedOn = awaitLiveness(r -> !r.body().contains("STALLED"));

        assertEquals(503, stalled.statusCode(), stalled.body());
        assertTrue(stalled.body().contains("stall-test"), stalled.body());
        assertTrue(stalled.body().contains("STALLED: lag"), stalled.body());
        assertFalse(movedOn.body().contains("STALLED"), movedOn.body());
    }
}
