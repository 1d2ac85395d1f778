package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.it.OtlpReceiver.ReceivedSpan;
import io.streamdingo.it.shop.ShopService;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One workflow, one trace, across the broker and two services: a transfer in the demo, on a server whose
 * MicroProfile Telemetry exports to {@link OtlpReceiver} (the {@code liberty-traced} container in
 * {@code arquillian.xml}), shows as spans from the REST call through the appends and the relay's publication to
 * the demo's consumer and a second service's consumer, all in the trace the request started, each naming the
 * transfer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TracingIT {

    /** Where the server exports its spans: the port named in arquillian.xml. */
    private static final int OTLP_PORT = 14318;

    private static final OtlpReceiver RECEIVER = OtlpReceiver.start(OTLP_PORT);
    private static final String BASE = "http://localhost:9080";

    /** A second service consuming the bank's account stream through the broker. */
    @Deployment(name = "traced-shop", testable = false)
    static WebArchive shop() {
        return DemoDeployment.secondService("traced-shop", ShopService.class);
    }

    @AfterAll
    static void stopReceiving() {
        RECEIVER.close();
    }

    @Test
    void aTransferIsOneTraceFromTheRequestThroughTheRelayAndTheBrokerToTheConsumersOfBothServices() throws Exception {
        // given two accounts in the demo
        BankCalls.awaitReady(BASE);
        String from =
                BankCalls.idOf(BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"Traced\",\"currency\":\"EUR\"}"));
        String to =
                BankCalls.idOf(BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"Receiver\",\"currency\":\"EUR\"}"));
        BankCalls.post(BASE + "/api/accounts/" + from + "/deposits", "{\"amount\": 50}");

        // when money is transferred between them
        HttpResponse<String> transfer =
                BankCalls.post(BASE + "/api/accounts/" + from + "/transfers", "{\"to\":\"" + to + "\",\"amount\": 20}");
        String transferId = transfer.headers().firstValue("X-Transfer-Id").orElseThrow();

        // then the request's trace holds the appends, the relay's publication and both services' consumers
        List<ReceivedSpan> trace = awaitTrace(
                transferId,
                List.of("append account", "publish account", "process account-activity", "process shop-accounts"));
        ReceivedSpan request = trace.get(0);
        assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(named(trace, "append account"))
                .allSatisfy(append -> assertThat(append.parentSpanId()).isEqualTo(request.spanId()));
        assertThat(named(trace, "publish account"))
                .allSatisfy(publish -> assertThat(publish.kind()).isEqualTo("SPAN_KIND_PRODUCER"));
        assertThat(named(trace, "process account-activity"))
                .allSatisfy(process -> assertThat(process.kind()).isEqualTo("SPAN_KIND_CONSUMER"));
        assertThat(named(trace, "process shop-accounts")).allSatisfy(process -> assertThat(process.attributes())
                .containsEntry("messaging.consumer.group.name", "shop-accounts")
                .containsEntry("streamdingo.correlation_id", transferId));
    }

    private static List<ReceivedSpan> named(List<ReceivedSpan> trace, String name) {
        return trace.stream().filter(span -> span.name().equals(name)).toList();
    }

    /**
     * The trace of the REST request that made the transfer — its server span first, then every span of the
     * transfer (named by its correlation id) in that trace — once it holds a span of each of {@code names}.
     */
    private static List<ReceivedSpan> awaitTrace(String transferId, List<String> names) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            List<ReceivedSpan> received = RECEIVER.spans();
            List<ReceivedSpan> transfer = received.stream()
                    .filter(span -> transferId.equals(span.attributes().get("streamdingo.correlation_id")))
                    .toList();
            for (ReceivedSpan request : received) {
                if (!request.kind().equals("SPAN_KIND_SERVER")) {
                    continue;
                }
                List<ReceivedSpan> inTrace = transfer.stream()
                        .filter(span -> span.traceId().equals(request.traceId()))
                        .toList();
                if (inTrace.stream()
                        .map(ReceivedSpan::name)
                        .collect(Collectors.toSet())
                        .containsAll(names)) {
                    List<ReceivedSpan> trace = new java.util.ArrayList<>(List.of(request));
                    trace.addAll(inTrace);
                    return trace;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no request trace held all of " + names + " within 60 s; the transfer's"
                        + " spans by trace: "
                        + transfer.stream()
                                .collect(Collectors.groupingBy(
                                        ReceivedSpan::traceId,
                                        Collectors.mapping(ReceivedSpan::name, Collectors.toList()))));
            }
            Thread.sleep(250);
        }
    }
}
