package io.streamdingo.it.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One Open Liberty server of the scale-out cluster, created by the build under {@code target/liberty}, run in the
 * foreground ({@code server run}) as a child process so that the test can kill it with SIGKILL and start it again.
 */
final class LibertyProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path wlp;
    private final String name;
    private final int httpPort;
    private Process process;

    LibertyProcess(Path wlp, String name, int httpPort) {
        this.wlp = wlp;
        this.name = name;
        this.httpPort = httpPort;
    }

    String name() {
        return name;
    }

    /** Where its REST API is, for example {@code http://127.0.0.1:9181/api/}. */
    URI api() {
        return URI.create("http://127.0.0.1:" + httpPort + "/api/");
    }

    Path folder() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /** Starts the server; {@link #awaitReady} waits until its application is up. */
    void start() throws IOException {
        Path log = folder().resolve("logs/console-run.log");
        log.getParent().toFile().mkdirs();
        process = serverCommand("run")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** {@code bin/server <action> <name>} on the JDK running this test. */
    private ProcessBuilder serverCommand(String action) {
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(wlp.resolve("bin/server").toString(), action, name))
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    /** Kills the server's JVM with SIGKILL, as {@code kill -9} does: no shutdown, no cleaning up. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
    }

    /** Stops the server as an operator would, letting it finish its work. */
    void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        serverCommand("stop")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Whether the server answers its readiness check with 200 (application started, store and broker reachable). */
    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the server said that its application failed to start (CWWKZ0002E) since it was last started. */
    private boolean applicationFailed() {
        try {
            return java.nio.file.Files.readString(folder().resolve("logs/messages.log"))
                    .contains("CWWKZ0002E");
        } catch (IOException e) {
            return false;
        }
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Waiting.until(
                () -> {
                    if (process != null && !process.isAlive()) {
                        throw new AssertionError("server " + name + " exited with " + process.exitValue() + "; see "
                                + folder().resolve("logs"));
                    }
                    return ready();
                },
                "server " + name + " is ready (logs: " + folder().resolve("logs") + ")",
                timeout);
    }
}
