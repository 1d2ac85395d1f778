package io.streamdingo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, {@code target/streamdingo/bin/streamdingo}, run as a process the way an operator runs
 * it: against an H2 file store the engine filled in this JVM and then closed.
 */
class LauncherIT {

    static final Path LAUNCHER =
            Paths.get("target", "streamdingo", "bin", "streamdingo").toAbsolutePath();

    @TempDir
    Path folder;

    TestStore store;

    @BeforeEach
    void fill() {
        store = TestStore.h2(folder, "store");
        store.fill(3, 40);
    }

    @Test
    void theLauncherVerifiesAnIntactStoreAndFindsTampering() throws Exception {
        Result intact = run(List.of(LAUNCHER.toString(), "verify", "--url", store.url(), "--user", "sa"));
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("INTACT").containsPattern("events checked +120");

        store.sql("UPDATE sd_events SET payload = REPLACE(payload, 'sku', 'SKU') WHERE stream_id = 's2'"
                + " AND stream_version = 9");
        Result tampered = run(List.of(LAUNCHER.toString(), "verify", "--url", store.url(), "--user", "sa"));

        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(tampered.output()).contains("stream tck-s2 version 9: the event stored at version 9 does not hash");
    }

    @Test
    void theLauncherExitsWithTwoAndOneLineWhenItCannotConnect() throws Exception {
        Result result = run(List.of(LAUNCHER.toString(), "stats", "--url", "jdbc:postgresql://127.0.0.1:1/x"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(result.output().strip())
                .startsWith("streamdingo stats: cannot connect to")
                .doesNotContain("\n");
    }

    /**
     * On a terminal the progress is a bar redrawn in place. A terminal is given to the launcher by util-linux's
     * {@code script} ({@code script -qec COMMAND /dev/null}: quiet, the command's exit code, no typescript file),
     * which runs the command on a pseudo-terminal and copies what it draws; the bar's redraws show as carriage
     * returns, and its speed and unit as text.
     */
    @Test
    void onATerminalTheProgressIsABarRedrawnInPlace() throws Exception {
        String command = LAUNCHER + " verify --url " + store.url() + " --user sa";

        Result result = run(List.of("script", "-qec", command, "/dev/null"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("\r")
                .contains("verify")
                .contains("events/s")
                .contains("INTACT");
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path output = folder.resolve("output-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish in 120 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {}
}
