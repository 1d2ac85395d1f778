package io.streamdingo.it.scaleout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The scale-out profile on this machine: two Open Liberty servers ({@code streamdingo-a}, {@code streamdingo-b},
 * created by the build) running the demo with {@link ScaleOutWriter} and {@link ScaleOutLedger} on one PostgreSQL
 * schema of their own, and an Artemis cluster of two primaries, each with a replicating backup, started from the
 * profile's broker files. Everything it starts it stops in {@link #close}.
 */
final class ScaleOutCluster implements AutoCloseable {

    static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The servers' schema, dropped and created afresh by {@link #start}. */
    static final String SCHEMA = "sd_scale";

    private static final Path PROFILE = Path.of("../server-config/src/main/scale-out");
    private static final Path WORK = Path.of("target/scale-out");
    private static final Duration START = Duration.ofMinutes(4);

    final BrokerProcess primaryA;
    final BrokerProcess backupA;
    final BrokerProcess primaryB;
    final BrokerProcess backupB;
    final LibertyProcess serverA;
    final LibertyProcess serverB;

    private ScaleOutCluster() {
        // ports as in integration-tests/pom.xml, which creates the servers with them
        Map<String, Integer> ports =
                Map.of("primary-a", 61716, "backup-a", 61717, "primary-b", 61718, "backup-b", 61719);
        primaryA = broker("primary-a", "primary.xml", "a", "LOCAL", ports);
        backupA = broker("backup-a", "backup.xml", "a", "LOCAL", ports);
        primaryB = broker("primary-b", "primary.xml", "b", "REMOTE", ports);
        backupB = broker("backup-b", "backup.xml", "b", "REMOTE", ports);
        Path wlp = Path.of("target/liberty/wlp").toAbsolutePath();
        serverA = new LibertyProcess(wlp, "streamdingo-a", 9181);
        serverB = new LibertyProcess(wlp, "streamdingo-b", 9182);
    }

    private static BrokerProcess broker(
            String name, String file, String group, String grouping, Map<String, Integer> ports) {
        List<String> peers = new ArrayList<>();
        ports.keySet().stream()
                .sorted()
                .filter(other -> !other.equals(name))
                .forEach(other -> peers.add("tcp://127.0.0.1:" + ports.get(other)));
        return new BrokerProcess(
                name,
                PROFILE.resolve("artemis").resolve(file).toAbsolutePath(),
                WORK.resolve("brokers").resolve(name).toAbsolutePath(),
                ports.get(name),
                Map.of(
                        "broker.group",
                        group,
                        "broker.grouping",
                        grouping,
                        "broker.peer.1",
                        peers.get(0),
                        "broker.peer.2",
                        peers.get(1),
                        "broker.peer.3",
                        peers.get(2),
                        "broker.security",
                        "false",
                        "broker.cluster.password",
                        "scale-out-test-secret"));
    }

    /**
     * A fresh schema with the consumers' table, fresh broker journals, the brokers started and the servers started
     * with the test application; returns when both servers are ready.
     */
    static ScaleOutCluster start() throws Exception {
        freshSchema();
        deleteRecursively(WORK);
        ScaleOutCluster cluster = new ScaleOutCluster();
        try {
            for (BrokerProcess broker : cluster.brokers()) {
                broker.start();
            }
            cluster.primaryA.awaitListening(START);
            cluster.primaryB.awaitListening(START);
            File application = testApplication();
            for (LibertyProcess server : cluster.servers()) {
                Files.copy(
                        application.toPath(),
                        server.folder().resolve("apps/streamdingo-demo.war"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                server.start();
            }
            for (LibertyProcess server : cluster.servers()) {
                server.awaitReady(START);
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    List<BrokerProcess> brokers() {
        return List.of(primaryA, backupA, primaryB, backupB);
    }

    List<LibertyProcess> servers() {
        return List.of(serverA, serverB);
    }

    /** A connection to the servers' schema. */
    static Connection database() throws SQLException {
        return DriverManager.getConnection(DATABASE + "?currentSchema=" + SCHEMA, "postgres", "");
    }

    /** The session holding the relay's lease of {@code category} right now ({@code <server name>/<id>}), or null. */
    static String relayLease(String category) {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT lease_session FROM sd_streams WHERE"
                        + " stream_category = 'streamdingo_relay' AND stream_id = ? AND lease_expires_at > now()")) {
            query.setString(1, category);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void freshSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
            sql.execute("CREATE TABLE " + SCHEMA + ".scale_ledger (seq BIGSERIAL PRIMARY KEY,"
                    + " subscription TEXT NOT NULL, event_id UUID NOT NULL, stream TEXT NOT NULL,"
                    + " version BIGINT NOT NULL, server TEXT NOT NULL, booked_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
    }

    /** The demo as built, with the scale-out writer and ledger added. */
    private static File testApplication() throws IOException {
        WebArchive demo = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/demo/streamdingo-demo.war"));
        WebArchive application = ShrinkWrap.create(WebArchive.class, "streamdingo-demo.war")
                .merge(demo)
                .addClasses(ScaleOutWriter.class, ScaleOutLedger.class);
        File file = WORK.resolve("streamdingo-demo.war").toFile();
        Files.createDirectories(WORK);
        application.as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Stops the servers (as operators would, so they write their coverage data) and kills the brokers. */
    @Override
    public void close() throws Exception {
        for (LibertyProcess server : servers()) {
            server.stop();
        }
        for (BrokerProcess broker : brokers()) {
            broker.kill();
        }
    }
}
