package io.streamdingo.it.scaleout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * One standalone ActiveMQ Artemis broker of the scale-out cluster, in a JVM of its own, configured by one of the
 * scale-out profile's broker files ({@code primary.xml}, {@code backup.xml}) and Java system properties, as the
 * {@code apache-artemis} distribution's {@code artemis run} starts one: the test kills it with SIGKILL and starts
 * it again on the same journal.
 */
final class BrokerProcess {

    private final String name;
    private final Path configuration;
    private final Path home;
    private final Map<String, String> properties;
    private final int port;
    private Process process;

    /**
     * A broker named {@code name} listening on 127.0.0.1:{@code port}, its journal and log under {@code home}.
     *
     * @param properties the broker file's {@code ${...}} values
     */
    BrokerProcess(String name, Path configuration, Path home, int port, Map<String, String> properties) {
        this.name = name;
        this.configuration = configuration;
        this.home = home;
        this.port = port;
        this.properties = properties;
    }

    /** Runs the broker file given as the first argument until the JVM is killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfigResourcePath(Path.of(args[0]).toUri().toString());
        broker.start();
        Thread.currentThread().join();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Its output, appended to across restarts. */
    Path log() {
        return home.resolve("broker.log");
    }

    /** Starts the JVM; the broker takes a second or two before it listens (a backup never listens until live). */
    void start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dbroker.name=" + name);
        command.add("-Dbroker.port=" + port);
        command.add("-Dbroker.data=" + home.resolve("data"));
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(), configuration.toString()));
        Files.createDirectories(home);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
    }

    /** Kills the JVM with SIGKILL: no shutdown, as a crash or an operator's {@code kill -9}. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Whether the broker accepts connections right now (a live broker; a backup does not listen). */
    boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the broker listens. */
    void awaitListening(Duration timeout) throws InterruptedException {
        Waiting.until(this::listening, name + " listens on port " + port + " (log: " + log() + ")", timeout);
    }
}
