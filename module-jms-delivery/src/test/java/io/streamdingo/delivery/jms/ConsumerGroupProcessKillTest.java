package io.streamdingo.delivery.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.store.jpa.JpaOffsetStore;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RL: a consumer group spread over three separate JVM processes on PostgreSQL, one of them killed with
 * SIGKILL mid-way and not restarted: the survivors process every event exactly once under EXACTLY_ONCE
 * (counted in the consumers' own table) and at least once under AT_LEAST_ONCE, each stream in order. Three
 * rounds over an Artemis broker, three over the delivery straight from the store (ScaleOutIT in the integration
 * tests kills Liberty servers and brokers too).
 */
class ConsumerGroupProcessKillTest {

    private static final int ROUNDS = 3;
    private static final int STREAMS = 20;
    private static final int EVENTS_PER_STREAM = 50;
    private static final int TOTAL = STREAMS * EVENTS_PER_STREAM;
    private static final List<String> MEMBERS = List.of("m1", "m2", "m3");

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static FaultDatabase database;
    private static StoreEngine engine;
    private static EntityManagerFactory emf;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() throws Exception {
        database = new FaultDatabase(
                "consumergroupprocesskilltest",
                "CREATE TABLE group_ledger (seq BIGSERIAL PRIMARY KEY, subscription TEXT NOT NULL, event_id UUID NOT"
                        + " NULL, stream TEXT NOT NULL, version BIGINT NOT NULL, member TEXT NOT NULL)");
        engine = database.engine();
        emf = database.entityManagerFactory();
        Path data = Files.createDirectories(Path.of("target", "artemis-group", RUN));
        broker = new EmbeddedBroker(11, data, EmbeddedBroker.freePort());
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
        database.close();
    }

    @Test
    void overArtemisAKilledMemberProcessLosesNothingAndDuplicatesNothingUnderExactlyOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            playRound(
                    new GroupRun("j" + round + "_" + RUN), broker.connectionFactory(), everyMemberOn(broker), NOTHING);
        }
    }

    @Test
    void straightFromTheStoreAKilledMemberProcessLosesNothingAndDuplicatesNothingUnderExactlyOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            playRound(new GroupRun("s" + round + "_" + RUN), null, everyMemberOn(null), NOTHING);
        }
    }

    /**
     * SRV-3: the group spans a cluster of two brokers — the relay publishes to the first, the killed member and
     * one survivor consume from the second — and the streams are still split, each in order, nothing lost.
     */
    @Test
    void overATwoBrokerClusterMembersOnBothNodesShareTheStreamsAndAKilledOneLosesNothing() throws Exception {
        int portA = EmbeddedBroker.freePort();
        int portB = EmbeddedBroker.freePort();
        Path data = Files.createDirectories(Path.of("target", "artemis-cluster", RUN));
        try (EmbeddedBroker a =
                        new EmbeddedBroker(21, data.resolve("a"), portA, new EmbeddedBroker.ClusterPeer(portB, true));
                EmbeddedBroker b = new EmbeddedBroker(
                        22, data.resolve("b"), portB, new EmbeddedBroker.ClusterPeer(portA, false))) {
            Map<String, String> nodes = Map.of(
                    "m1", memberUrl(a),
                    "m2", memberUrl(b),
                    "m3", memberUrl(b));
            playRound(new GroupRun("c1_" + RUN), a.connectionFactory(), nodes, NOTHING);
        }
    }

    /** Each member's broker URL: {@code broker}'s, or "none" for the delivery straight from the store. */
    private static Map<String, String> everyMemberOn(EmbeddedBroker broker) {
        Map<String, String> urls = new HashMap<>();
        MEMBERS.forEach(member -> urls.put(member, broker == null ? "none" : memberUrl(broker)));
        return urls;
    }

    /** No consumer window: a member's client holds no message its engine has not seen (see ADR 17). */
    private static String memberUrl(EmbeddedBroker broker) {
        return broker.tcpUrl() + "?consumerWindowSize=0";
    }

    /**
     * SRV-3: the broker is a replicated pair, and the primary crashes mid-way as the member does: the backup
     * takes over with every message, the relay and the members fail over to it, and nothing is lost.
     */
    @Test
    void overAReplicatedBrokerPairTheBackupTakesOverWhenThePrimaryDiesAndNothingIsLost() throws Exception {
        int primaryPort = EmbeddedBroker.freePort();
        int backupPort = EmbeddedBroker.freePort();
        Path data = Files.createDirectories(Path.of("target", "artemis-pair", RUN));
        try (EmbeddedBroker primary = new EmbeddedBroker(
                        31, data.resolve("primary"), primaryPort, new EmbeddedBroker.Replication(backupPort, false));
                EmbeddedBroker backup = new EmbeddedBroker(
                        32, data.resolve("backup"), backupPort, new EmbeddedBroker.Replication(primaryPort, true))) {
            awaitUntil(() -> backup.server().isReplicaSync(), "the backup holds a copy of the primary's journal");
            String pair = "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort
                    + ")?ha=true&reconnectAttempts=-1&retryInterval=100";
            Map<String, String> members = new HashMap<>();
            MEMBERS.forEach(member -> members.put(member, pair + "&consumerWindowSize=0"));
            playRound(
                    new GroupRun("h1_" + RUN),
                    new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(pair),
                    members,
                    primary::crash);
            assertThat(backup.server().isActive()).as("the backup took over").isTrue();
        }
    }

    /**
     * SRV-3: an exclusive subscription is consumed by one process at a time; when that process is killed, another
     * takes over where it stopped, losing nothing and, under exactly-once, duplicating nothing.
     */
    @Test
    void anExclusiveSubscriptionMovesToAnotherProcessWhenItsActiveConsumerIsKilled() throws Exception {
        playRound(
                new GroupRun("x1_" + RUN, SubscriptionMode.EXCLUSIVE),
                broker.connectionFactory(),
                everyMemberOn(broker),
                NOTHING);
    }

    private static final Runnable NOTHING = () -> {};

    /**
     * One round: the relay publishes to {@code relayTo} (none: the members read the store), the members consume
     * from their broker URLs, and when 30% is processed member m2 is killed and {@code alsoMidway} runs.
     */
    private void playRound(
            GroupRun run, jakarta.jms.ConnectionFactory relayTo, Map<String, String> memberUrls, Runnable alsoMidway)
            throws Exception {
        boolean overBroker = relayTo != null;
        boolean exclusive = run.mode() == SubscriptionMode.EXCLUSIVE;
        ScheduledExecutorService relayTimer = Executors.newSingleThreadScheduledExecutor();
        Map<String, Process> members = new HashMap<>();
        try {
            if (overBroker) {
                OutboxRelay relay = EventStores.outboxRelay(
                        engine, run.topology(), new JmsEventPublisher(relayTo, run.prefix()), new JpaOffsetStore(emf));
                relayTimer.scheduleWithFixedDelay(() -> publishQuietly(relay), 0, 20, TimeUnit.MILLISECONDS);
            }
            for (String member : MEMBERS) {
                members.put(member, startMember(run, memberUrls.get(member), member));
            }
            for (String member : MEMBERS) {
                Path log = memberLog(run, member);
                awaitUntil(() -> logged(log, "consuming " + member).size() >= 2, "member " + member + " started");
            }
            appendAll(run);

            awaitUntil(() -> booked(run.exactlyOnce().name()).size() >= TOTAL * 3 / 10, "30% processed");
            // in a group any member will do; an exclusive subscription's active consumer is the one to kill
            String victim = exclusive ? busiestMember(run.exactlyOnce().name()) : "m2";
            members.get(victim).destroyForcibly().waitFor(); // SIGKILL: nothing settled, nothing closed
            alsoMidway.run();

            awaitUntil(
                    () -> Set.copyOf(booked(run.exactlyOnce().name())).size() >= TOTAL
                            && Set.copyOf(booked(run.atLeastOnce().name())).size() >= TOTAL,
                    "every event processed by the survivors");
            Thread.sleep(1_000); // a duplicate would arrive now

            List<UUID> exactly = appendedIds(run.exactlyStream());
            List<UUID> atLeast = appendedIds(run.atLeastStream());
            assertThat(booked(run.exactlyOnce().name()))
                    .as("round %s: each event booked exactly once", run.name())
                    .hasSize(TOTAL)
                    .containsExactlyInAnyOrderElementsOf(exactly);
            assertThat(Set.copyOf(booked(run.atLeastOnce().name())))
                    .as("round %s: each event booked at least once", run.name())
                    .containsExactlyInAnyOrderElementsOf(atLeast);
            if (alsoMidway == NOTHING) {
                assertStreamsInOrder(run.exactlyOnce().name());
                assertStreamsInOrder(run.atLeastOnce().name());
            } else {
                // a member killed at the moment the primary broker crashes: a stream may be processed out of order
                // (a known limitation, docs/deployment.md: the new live broker does not know which member held a
                // group); nothing is lost or doubled, which is asserted above; how many streams it hit is printed
                System.out.printf(
                        "round %s: streams first processed out of order: %d exactly once, %d at least once%n",
                        run.name(),
                        streamsOutOfOrder(run.exactlyOnce().name()),
                        streamsOutOfOrder(run.atLeastOnce().name()));
            }
            if (exclusive) {
                // the killed member had been consuming, and another carried on after its last booking; this checks the
                // takeover, not one-at-a-time delivery before it (JmsDeliveryContractTest checks that in one JVM)
                long[] victimSeqs = seqRange(run.exactlyOnce().name(), "member = ?", victim);
                long[] otherSeqs = seqRange(run.exactlyOnce().name(), "member <> ?", victim);
                assertThat(victimSeqs[1])
                        .as("round %s: the killed member was consuming", run.name())
                        .isPositive();
                assertThat(otherSeqs[1])
                        .as("round %s: another member took over after the killed one", run.name())
                        .isGreaterThan(victimSeqs[1]);
            } else if (overBroker) {
                // without a broker every member reads every event, and the killed one may have lost every race
                for (String member : MEMBERS) {
                    assertThat(bookedBy(run.exactlyOnce().name(), member))
                            .as("round %s: member %s (on %s) took part", run.name(), member, memberUrls.get(member))
                            .isPositive();
                }
            }
        } finally {
            relayTimer.shutdownNow();
            members.values().forEach(Process::destroyForcibly);
            for (Process process : members.values()) {
                process.waitFor();
            }
        }
    }

    private static Process startMember(GroupRun run, String brokerUrl, String member) throws IOException {
        return TestProcesses.start(
                ConsumerGroupMember.class,
                memberLog(run, member),
                database.url(),
                brokerUrl,
                run.name(),
                member,
                run.mode().name());
    }

    private static Path memberLog(GroupRun run, String member) {
        return Path.of("target", "group-members", run.name() + "-" + member + ".log");
    }

    private static List<String> logged(Path log, String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void appendAll(GroupRun run) {
        EventStore store = engine.store();
        for (int batch = 0; batch < EVENTS_PER_STREAM / 10; batch++) {
            for (int s = 0; s < STREAMS; s++) {
                store.append(StreamId.of(run.exactlyStream(), "s" + s), ExpectedVersion.any(), tenItems(s, batch));
                store.append(StreamId.of(run.atLeastStream(), "s" + s), ExpectedVersion.any(), tenItems(s, batch));
            }
        }
    }

    private static List<NewEvent> tenItems(int stream, int batch) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(NewEvent.of(new ItemAdded("item-" + stream, batch * 10 + i)));
        }
        return events;
    }

    /** Each stream's versions, in the order they were first booked, are 1, 2, 3 … without a gap. */
    private static void assertStreamsInOrder(String subscription) throws SQLException {
        List<Long> expected =
                Stream.iterate(1L, v -> v + 1).limit(EVENTS_PER_STREAM).toList();
        Map<String, List<Long>> firstBookings = firstBookings(subscription);
        assertThat(firstBookings).hasSize(STREAMS);
        firstBookings.forEach((stream, versions) -> assertThat(versions)
                .as("%s of %s in order", stream, subscription)
                .isEqualTo(expected));
    }

    /** How many streams were not first booked in version order. */
    private static long streamsOutOfOrder(String subscription) throws SQLException {
        List<Long> expected =
                Stream.iterate(1L, v -> v + 1).limit(EVENTS_PER_STREAM).toList();
        return firstBookings(subscription).values().stream()
                .filter(versions -> !versions.equals(expected))
                .count();
    }

    /** Each stream's versions in the order they were first booked, on any member. */
    private static Map<String, List<Long>> firstBookings(String subscription) throws SQLException {
        Map<String, List<Long>> firstBookings = new HashMap<>();
        Map<String, Set<Long>> seen = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT stream, version FROM group_ledger WHERE subscription = ? ORDER BY seq")) {
            select.setString(1, subscription);
            try (ResultSet rows = select.executeQuery()) {
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
        return firstBookings;
    }

    private static List<UUID> booked(String subscription) {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT event_id FROM group_ledger WHERE subscription = ?")) {
            select.setString(1, subscription);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The first and last ledger sequence numbers of {@code subscription}'s rows matching {@code condition}. */
    private static long[] seqRange(String subscription, String condition, String member) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement range = connection.prepareStatement("SELECT COALESCE(MIN(seq), 0),"
                        + " COALESCE(MAX(seq), 0) FROM group_ledger WHERE subscription = ? AND " + condition)) {
            range.setString(1, subscription);
            range.setString(2, member);
            try (ResultSet rows = range.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /** The member that booked the most events of {@code subscription} so far. */
    private static String busiestMember(String subscription) throws SQLException {
        String busiest = MEMBERS.get(0);
        long most = -1;
        for (String member : MEMBERS) {
            long booked = bookedBy(subscription, member);
            if (booked > most) {
                most = booked;
                busiest = member;
            }
        }
        return busiest;
    }

    private static long bookedBy(String subscription, String member) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM group_ledger WHERE subscription = ? AND member = ?")) {
            count.setString(1, subscription);
            count.setString(2, member);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<UUID> appendedIds(String category) {
        try (Stream<RecordedEvent> events = engine.store().readCategory(category, 0)) {
            return events.map(RecordedEvent::eventId).collect(Collectors.toList());
        }
    }

    private static void publishQuietly(OutboxRelay relay) {
        try {
            relay.publishPending();
        } catch (RuntimeException brokerDown) {
            // the relay publishes the same events again on its next run
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        TestProcesses.awaitUntil(condition, what, Duration.ofMinutes(2));
    }
}
