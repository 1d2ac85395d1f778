package io.streamdingo.it.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Open Liberty servers on one PostgreSQL and a cluster of two Artemis primaries with a replicating backup each
 * ({@link ScaleOutCluster}, the scale-out profile): stream sessions hold across the servers, and 10,000 events
 * written through both servers' REST APIs reach a consumer group spread over both — exactly once, at least once,
 * each stream in order — while one server is killed with SIGKILL and started again and, separately, one broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final int STREAMS_PER_CATEGORY = 50;
    private static final int VERSIONS = 100;
    private static final int EVENTS_PER_CATEGORY = STREAMS_PER_CATEGORY * VERSIONS;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ScaleOutCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ScaleOutCluster.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aStreamSessionOpenedOnOneServerBlocksWritersOnTheOtherUntilItIsClosed() throws Exception {
        // given a session on server A
        String session = openSession(cluster.serverA, "closed", 60);

        // when server B appends to the stream, then A closes its session and B appends again
        int whileOpen = append(cluster.serverB, "closed", 1);
        int closed =
                call(cluster.serverA, "DELETE", "scale-out/sessions/" + session).statusCode();
        int afterClose = append(cluster.serverB, "closed", 1);

        // then B was locked out while the session was open, and writes once it is closed
        assertThat(whileOpen).as("B's append while A holds the stream").isEqualTo(423);
        assertThat(closed).isEqualTo(204);
        assertThat(afterClose).as("B's append after A closed its session").isEqualTo(204);
    }

    @Test
    @Order(2)
    void aStreamSessionThatIsNeitherUsedNorClosedFreesTheStreamForTheOtherServerWhenItExpires() throws Exception {
        // given a session of 3 s on server A, which A never uses again
        Instant opened = Instant.now();
        openSession(cluster.serverA, "expiring", 3);

        // when server B appends at once, and again until it may
        int atOnce = append(cluster.serverB, "expiring", 1);
        Waiting.until(() -> append(cluster.serverB, "expiring", 1) == 204, "B may write", Duration.ofSeconds(20));

        // then B was locked out at first, and wrote only once the lease had run out
        assertThat(atOnce).isEqualTo(423);
        assertThat(Duration.between(opened, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    @Order(3)
    void tenThousandEventsThroughBothServersSurviveKillingAServerAndABroker() throws Exception {
        // given a load of 10,000 events, half into an exactly-once category, half into an at-least-once one,
        // through both servers' REST APIs
        RestLoad load = new RestLoad(cluster.servers());
        CompletableFuture<RestLoad.Outcome> loading = CompletableFuture.supplyAsync(() -> {
            try {
                return load.run(
                        List.of(ScaleOutLedger.EXACTLY_ONCE, ScaleOutLedger.AT_LEAST_ONCE),
                        STREAMS_PER_CATEGORY,
                        VERSIONS,
                        8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // when, at 30 %, the server relaying the exactly-once category is killed with SIGKILL and started again
        awaitWritten(load, loading, 3_000);
        LibertyProcess victim = relayHolder(ScaleOutLedger.EXACTLY_ONCE);
        LibertyProcess survivor = victim == cluster.serverA ? cluster.serverB : cluster.serverA;
        Instant killed = Instant.now();
        victim.kill();
        victim.start();
        Duration failover = awaitRelayTakenOver(ScaleOutLedger.EXACTLY_ONCE, survivor, killed);
        victim.awaitReady(Duration.ofMinutes(4));

        // and, at 60 %, the primary broker that decides the message groups is killed and started again
        awaitWritten(load, loading, 6_000);
        Waiting.until(
                () -> logOf(cluster.backupA).contains("AMQ221024"),
                "backup-a is in sync with primary-a",
                Duration.ofMinutes(2));
        cluster.primaryA.kill();
        cluster.backupA.awaitListening(Duration.ofMinutes(1));
        cluster.primaryA.start();
        RestLoad.Outcome outcome = loading.get();
        Instant loaded = Instant.now();
        awaitBooked(ScaleOutLedger.EXACTLY_ONCE, Duration.ofMinutes(5));
        awaitBooked(ScaleOutLedger.AT_LEAST_ONCE, Duration.ofMinutes(5));
        Waiting.until(
                () -> new HashSet<>(bookingsOf(ScaleOutLedger.EXCLUSIVE)).size() >= EVENTS_PER_CATEGORY,
                "the exclusive subscription has booked every event",
                Duration.ofMinutes(5));
        Duration drained = Duration.between(loaded, Instant.now());
        awaitQuiet(Duration.ofSeconds(3));

        // then every event is in the store once, each stream gapless
        assertThat(storedEventIds(ScaleOutLedger.EXACTLY_ONCE)).hasSize(EVENTS_PER_CATEGORY);
        assertThat(storedEventIds(ScaleOutLedger.AT_LEAST_ONCE)).hasSize(EVENTS_PER_CATEGORY);
        assertStreamsGapless(ScaleOutLedger.EXACTLY_ONCE);
        assertStreamsGapless(ScaleOutLedger.AT_LEAST_ONCE);
        // every exactly-once effect happened once, and the at-least-once consumer saw every event
        List<String> exactly = bookings(ScaleOutLedger.EXACTLY_ONCE);
        assertThat(exactly)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(storedEventIds(ScaleOutLedger.EXACTLY_ONCE));
        assertThat(new HashSet<>(bookings(ScaleOutLedger.AT_LEAST_ONCE)))
                .containsExactlyInAnyOrderElementsOf(storedEventIds(ScaleOutLedger.AT_LEAST_ONCE));
        // the exclusive subscription took every event once, in order, and moved between the servers at the kills
        // (around a broker failover, events already handed to one server finish there while the broker delivers
        // to the other, so the two may alternate for a moment: exactly once and order hold all the same)
        assertThat(bookingsOf(ScaleOutLedger.EXCLUSIVE))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(storedEventIds(ScaleOutLedger.EXACTLY_ONCE));
        assertThat(handovers(ScaleOutLedger.EXCLUSIVE)).isPositive();
        // each stream in order, and the group spread over both servers
        assertStreamsInOrder(ScaleOutLedger.EXACTLY_ONCE + "-ledger");
        assertStreamsInOrder(ScaleOutLedger.AT_LEAST_ONCE + "-ledger");
        assertStreamsInOrder(ScaleOutLedger.EXCLUSIVE);
        assertThat(bookingServers(ScaleOutLedger.EXACTLY_ONCE))
                .containsExactlyInAnyOrder("streamdingo-a", "streamdingo-b");
        assertThat(bookingServers(ScaleOutLedger.AT_LEAST_ONCE))
                .containsExactlyInAnyOrder("streamdingo-a", "streamdingo-b");
        // while a server was down, the other took over its streams
        assertThat(streamsBookedByBothServers(ScaleOutLedger.EXACTLY_ONCE)).isPositive();
        // and the relay moved to the other server within its lease (10 s) and a relay interval
        assertThat(failover).isLessThan(Duration.ofSeconds(25));

        System.out.printf(
                "scale-out: %,d events in %.1f s through 2 servers (%.0f events/s, %d calls asked again);"
                        + " relay failover %.1f s after kill -9; all delivered %.1f s after the last append;"
                        + " duplicates at least once: %d; exclusive handovers: %d%n",
                outcome.events(),
                outcome.elapsed().toMillis() / 1000.0,
                outcome.eventsPerSecond(),
                outcome.retried(),
                failover.toMillis() / 1000.0,
                drained.toMillis() / 1000.0,
                bookings(ScaleOutLedger.AT_LEAST_ONCE).size() - EVENTS_PER_CATEGORY,
                handovers(ScaleOutLedger.EXCLUSIVE));
    }

    private static void awaitWritten(RestLoad load, CompletableFuture<?> loading, int events)
            throws InterruptedException {
        Waiting.until(
                () -> {
                    if (loading.isCompletedExceptionally()) {
                        loading.join();
                    }
                    return load.written() >= events;
                },
                events + " events are written",
                Duration.ofMinutes(5));
    }

    /** The server whose relay holds the category's lease. */
    private static LibertyProcess relayHolder(String category) throws Exception {
        String[] holder = new String[1];
        Waiting.until(
                () -> (holder[0] = ScaleOutCluster.relayLease(category)) != null,
                "a relay holds " + category,
                Duration.ofMinutes(1));
        return holder[0].startsWith(cluster.serverA.name() + "/") ? cluster.serverA : cluster.serverB;
    }

    /** How long after {@code killed} the {@code survivor}'s relay held the category. */
    private static Duration awaitRelayTakenOver(String category, LibertyProcess survivor, Instant killed)
            throws InterruptedException {
        Waiting.until(
                () -> {
                    String lease = ScaleOutCluster.relayLease(category);
                    return lease != null && lease.startsWith(survivor.name() + "/");
                },
                survivor.name() + "'s relay holds " + category,
                Duration.ofMinutes(1));
        return Duration.between(killed, Instant.now());
    }

    private static void awaitBooked(String category, Duration timeout) throws InterruptedException {
        Waiting.until(
                () -> new HashSet<>(bookings(category)).size() >= EVENTS_PER_CATEGORY,
                "every event of " + category + " is booked",
                timeout);
    }

    /** Waits until nothing new is booked for {@code quiet}: a late duplicate would show. */
    private static void awaitQuiet(Duration quiet) throws InterruptedException {
        int before = -1;
        int now = bookings(ScaleOutLedger.EXACTLY_ONCE).size()
                + bookings(ScaleOutLedger.AT_LEAST_ONCE).size();
        while (now != before) {
            Thread.sleep(quiet.toMillis());
            before = now;
            now = bookings(ScaleOutLedger.EXACTLY_ONCE).size()
                    + bookings(ScaleOutLedger.AT_LEAST_ONCE).size();
        }
    }

    private static List<String> storedEventIds(String category) throws SQLException {
        return strings("SELECT event_id FROM sd_events WHERE stream_category = ?", category);
    }

    private static List<String> bookings(String category) {
        return bookingsOf(category + "-ledger");
    }

    private static List<String> bookingsOf(String subscription) {
        try {
            return strings("SELECT event_id FROM scale_ledger WHERE subscription = ?", subscription);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How often the server booking for the subscription changed, in booking order. */
    private static int handovers(String subscription) throws SQLException {
        List<String> servers =
                strings("SELECT server FROM scale_ledger WHERE subscription = ? ORDER BY seq", subscription);
        int handovers = 0;
        for (int i = 1; i < servers.size(); i++) {
            if (!servers.get(i).equals(servers.get(i - 1))) {
                handovers++;
            }
        }
        return handovers;
    }

    private static Set<String> bookingServers(String category) throws SQLException {
        return new HashSet<>(strings("SELECT server FROM scale_ledger WHERE subscription = ?", category + "-ledger"));
    }

    private static int streamsBookedByBothServers(String category) throws SQLException {
        return strings(
                        "SELECT stream FROM scale_ledger WHERE subscription = ? GROUP BY stream"
                                + " HAVING count(DISTINCT server) = 2",
                        category + "-ledger")
                .size();
    }

    private static List<String> strings(String sql, String parameter) throws SQLException {
        try (Connection db = ScaleOutCluster.database();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** Every stream holds versions 1 … 100, each once. */
    private static void assertStreamsGapless(String category) throws SQLException {
        try (Connection db = ScaleOutCluster.database();
                PreparedStatement query = db.prepareStatement("SELECT stream_id, count(*), count(DISTINCT"
                        + " stream_version), min(stream_version), max(stream_version) FROM sd_events"
                        + " WHERE stream_category = ? GROUP BY stream_id")) {
            query.setString(1, category);
            int streams = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    streams++;
                    assertThat(List.of(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)))
                            .as("events, versions, first and last version of %s/%s", category, rows.getString(1))
                            .containsExactly((long) VERSIONS, (long) VERSIONS, 1L, (long) VERSIONS);
                }
            }
            assertThat(streams).isEqualTo(STREAMS_PER_CATEGORY);
        }
    }

    /** Each stream's versions, in the order the subscription first booked them (on any server), are 1, 2, 3 … */
    private static void assertStreamsInOrder(String subscription) throws SQLException {
        Map<String, List<Long>> firstBookings = new HashMap<>();
        Map<String, Set<Long>> seen = new HashMap<>();
        try (Connection db = ScaleOutCluster.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT stream, version FROM scale_ledger WHERE subscription = ? ORDER BY seq")) {
            query.setString(1, subscription);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String stream = rows.getString(1);
                    long version = rows.getLong(2);
                    if (seen.computeIfAbsent(stream, s -> new HashSet<>()).add(version)) {
                        firstBookings
                                .computeIfAbsent(stream, s -> new ArrayList<>())
                                .add(version);
                    }
                }
            }
        }
        assertThat(firstBookings).hasSize(STREAMS_PER_CATEGORY);
        firstBookings.forEach((stream, versions) -> assertThat(versions)
                .as("%s of %s in the order first booked", stream, subscription)
                .isSorted()
                .hasSize(VERSIONS));
    }

    private static String openSession(LibertyProcess server, String stream, int seconds) throws Exception {
        HttpResponse<String> opened =
                call(server, "POST", "scale-out/sessions/scale_sessions/" + stream + "?seconds=" + seconds);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.body()).startsWith(server.name() + "/");
        return opened.body();
    }

    private static int append(LibertyProcess server, String stream, long version) {
        try {
            return call(server, "POST", "scale-out/streams/scale_sessions/" + stream + "/" + version)
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> call(LibertyProcess server, String method, String path) throws Exception {
        URI uri = server.api().resolve(path);
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String logOf(BrokerProcess broker) {
        try {
            return Files.readString(broker.log());
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
