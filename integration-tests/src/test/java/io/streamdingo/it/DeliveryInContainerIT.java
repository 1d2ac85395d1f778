package io.streamdingo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.ProcessedEvents;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.demo.bank.Account;
import io.streamdingo.demo.bank.AccountService;
import io.streamdingo.it.shop.ShopService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JMS-1, JMS-2, JMS-5 inside Open Liberty: events appended by the demo's EJB travel through the outbox relay
 * and the Artemis resource adapter's broker to an annotated consumer method and to a message-driven bean,
 * both exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryInContainerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(name = "delivery", order = 2)
    static WebArchive deployment() {
        return DemoDeployment.with(DeliveryInContainerIT.class, "delivery");
    }

    /** Another service beside the bank, with a store of its own (JMS-3). */
    @Deployment(name = "shop", order = 1, testable = false)
    static WebArchive shop() {
        return DemoDeployment.secondService("shop", ShopService.class);
    }

    @Inject
    AccountService accounts;

    @Inject
    EventStore store;

    @Inject
    ProcessedEvents processed;

    @Resource(lookup = "jdbc/streamdingo")
    DataSource database;

    @Inject
    Subscriptions subscriptions;

    /**
     * The server runs the demo application too, and its consumers share the subscriptions' queues with this
     * deployment's (as two servers would): which one processes an event is the broker's choice, so the test
     * reads the processed-events table they both record in, once per subscription and event.
     */
    @Test
    @OperateOnDeployment("delivery")
    void anEventAppendedByTheEjbReachesTheAnnotatedConsumerAndTheMessageDrivenBeanOnce() throws Exception {
        Account account = accounts.open("Ada", "EUR");
        accounts.deposit(account.id(), new BigDecimal("25.00"));
        List<UUID> appended = eventIds(account.id());

        awaitUntil(() -> appended.stream().allMatch(id -> processed.isProcessed("account-activity", id)));
        awaitUntil(() -> appended.stream().allMatch(id -> processed.isProcessed("account-audit", id)));
        assertEquals(appended.size(), processedRows("account-activity", appended), "annotated consumer, once each");
        assertEquals(appended.size(), processedRows("account-audit", appended), "message-driven bean, once each");
    }

    @Test
    @OperateOnDeployment("delivery")
    void anotherDeployedServiceReceivesTheBanksEventsThroughTheBroker() throws Exception {
        Account account = accounts.open("Linus", "EUR");
        accounts.deposit(account.id(), new BigDecimal("7.00"));
        List<UUID> appended = eventIds(account.id());

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest seen = HttpRequest.newBuilder(URI.create("http://localhost:9080/shop/api/seen"))
                .build();
        awaitUntil(() -> {
            String body = http.sendAsync(seen, HttpResponse.BodyHandlers.ofString())
                    .join()
                    .body();
            return appended.stream().allMatch(id -> body.contains(id.toString()));
        });
        String body = http.send(seen, HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(body.contains(appended.get(0) + " AccountOpened"), body);
        assertTrue(body.contains(appended.get(1) + " MoneyDeposited"), body);
    }

    @Test
    @OperateOnDeployment("delivery")
    void theAnnotatedConsumersPositionMovesPastWhatItConsumed() throws Exception {
        Account account = accounts.open("Grace", "EUR");
        long last = lastPosition(account.id());

        awaitUntil(() ->
                subscriptions.positions("account-activity").stream().anyMatch(position -> position.position() >= last));

        assertTrue(subscriptions.positions("account-activity").stream().allMatch(p -> p.lag() >= 0));
    }

    private List<UUID> eventIds(String account) {
        try (var events = store.read(StreamId.of("account", account))) {
            return events.map(RecordedEvent::eventId).toList();
        }
    }

    private long processedRows(String subscription, List<UUID> eventIds) throws Exception {
        long rows = 0;
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM sd_processed_events WHERE consumer = ? AND event_id = ?")) {
            for (UUID id : eventIds) {
                count.setString(1, subscription);
                count.setObject(2, id);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    rows += result.getLong(1);
                }
            }
        }
        return rows;
    }

    private long lastPosition(String account) {
        try (var events = store.read(StreamId.of("account", account))) {
            return events.mapToLong(RecordedEvent::globalPosition).max().orElse(0);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not delivered within " + WAIT);
            }
            Thread.sleep(100);
        }
    }
}
