package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * SRV-3: the outbox relay's single active publisher fails over between servers through its lease in PostgreSQL.
 * Two relay processes compete for one category while events are appended steadily; the lease holder is
 * killed with SIGKILL; the other takes the lease once it expires and publishes on from the saved position.
 * Every event reaches the broker, and the time from the kill to the next publication is reported.
 */
class RelayFailoverProcessKillTest {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final String PREFIX = "failover";

    @Test
    void whenTheLeaseHolderIsKilledTheOtherServerPublishesOnWithinTheLeaseAndNothingIsLost() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String category = "relay_failover_" + run;
        Path data = Files.createDirectories(Path.of("target", "artemis-relay-failover", run));
        Map<String, Process> relays = new LinkedHashMap<>();
        AtomicBoolean appending = new AtomicBoolean(true);
        try (FaultDatabase database = new FaultDatabase("relayfailoverprocesskilltest", "SELECT 1");
                EmbeddedBroker broker = new EmbeddedBroker(41, data, EmbeddedBroker.freePort());
                JMSContext context = broker.connectionFactory().createContext()) {
            // given a consumer of the category's address, two relay processes, and events appended steadily
            Map<UUID, Long> received = new ConcurrentHashMap<>();
            JMSConsumer consumer = context.createConsumer(context.createTopic(PREFIX + "." + category));
            consumer.setMessageListener(
                    message -> received.putIfAbsent(MessageEvents.eventId(message), System.nanoTime()));
            for (String member : List.of("relay-a", "relay-b")) {
                relays.put(member, startRelay(database.url(), broker.tcpUrl(), category, member, run));
            }
            Set<UUID> appended = ConcurrentHashMap.newKeySet();
            Thread appender = new Thread(() -> {
                int i = 0;
                while (appending.get()) {
                    NewEvent event = NewEvent.of(new ItemAdded("sku-" + i, 1));
                    database.engine()
                            .store()
                            .append(StreamId.of(category, "s" + (i++ % 5)), ExpectedVersion.any(), event);
                    appended.add(event.eventId());
                    pause(20);
                }
            });
            appender.start();
            awaitUntil(() -> received.size() >= 50, "the relays publish");

            // when the server holding the lease is killed
            String holder = leaseHolder(database.url(), category);
            Process killed = relays.get(holder);
            long killedAt = System.nanoTime();
            killed.destroyForcibly().waitFor();
            AtomicLong resumedAt = new AtomicLong();
            awaitUntil(
                    () -> {
                        long after = received.values().stream()
                                .filter(at -> at > killedAt)
                                .count();
                        if (after > 0 && resumedAt.get() == 0) {
                            resumedAt.set(received.values().stream()
                                    .filter(at -> at > killedAt)
                                    .min(Long::compare)
                                    .orElseThrow());
                        }
                        return after >= 50;
                    },
                    "the other relay publishes on");
            appending.set(false);
            appender.join();

            // then it took over within the lease (and a poll), and every appended event reached the broker
            awaitUntil(() -> received.keySet().containsAll(appended), "every appended event is published");
            Duration failover = Duration.ofNanos(resumedAt.get() - killedAt);
            System.out.println("relay failover: " + holder + " killed, the other relay published again after "
                    + failover.toMillis() + " ms (lease " + LEASE.toMillis() + " ms)");
            assertThat(failover).isLessThan(LEASE.plusSeconds(2));
            assertThat(leaseHolder(database.url(), category)).isNotEqualTo(holder);
        } finally {
            appending.set(false);
            relays.values().forEach(Process::destroyForcibly);
            for (Process process : relays.values()) {
                process.waitFor();
            }
        }
    }

    /** The member whose session holds the category's relay lease (its node name is in the session id). */
    private static String leaseHolder(String url, String category) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement query = connection.prepareStatement("SELECT lease_session FROM sd_streams"
                        + " WHERE stream_category = 'streamdingo_relay' AND stream_id = ?")) {
            query.setString(1, category);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next())
                        .as("a relay holds the lease of " + category)
                        .isTrue();
                String session = row.getString(1);
                return session.contains("relay-a") ? "relay-a" : "relay-b";
            }
        }
    }

    private static Process startRelay(String url, String broker, String category, String member, String run)
            throws IOException {
        return TestProcesses.start(
                RelayMember.class,
                Path.of("target", "relay-members", run + "-" + member + ".log"),
                url,
                broker,
                PREFIX,
                category,
                member,
                LEASE.toString());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        TestProcesses.awaitUntil(condition, what, Duration.ofMinutes(1));
    }
}
