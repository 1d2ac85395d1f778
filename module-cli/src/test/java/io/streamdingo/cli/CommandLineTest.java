package io.streamdingo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every command shares: connecting, its errors as one line with exit code 2, progress, help. */
class CommandLineTest {

    @TempDir
    Path folder;

    @Test
    void anUnreachableDatabaseExitsWithTwoAndOneLine() {
        CliRun run = CliRun.of("verify", "--url", "jdbc:postgresql://127.0.0.1:1/none", "--user", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err().strip())
                .startsWith("streamdingo verify: cannot connect to" + " jdbc:postgresql://127.0.0.1:1/none: ")
                .doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aUrlThatIsNotJdbcExitsWithTwo() {
        CliRun run = CliRun.of("stats", "--url", "postgres://localhost/db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err().strip())
                .isEqualTo("streamdingo stats: 'postgres://localhost/db' is not a JDBC URL; give"
                        + " one like jdbc:postgresql://127.0.0.1:5432/events");
    }

    @Test
    void aDatabaseWithoutTheTablesSaysToRunTheMigrations() {
        CliRun run = CliRun.of("verify", "--url", "jdbc:h2:mem:empty", "--user", "sa");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err())
                .contains("table sd_events is missing at jdbc:h2:mem:empty")
                .contains("run the migrations");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("verify", "--verbose", "--url", "jdbc:h2:mem:empty", "--user", "sa");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("StoreUnavailableException").contains("\tat ");
    }

    @Test
    void noDatabaseGivenSaysHowToGiveOne() {
        CliRun run = CliRun.of("stats");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("no database given: use --url jdbc:… or --config FILE");
    }

    @Test
    void theConnectionCanComeFromAConfigurationFileWithThePasswordFromTheEnvironment() throws Exception {
        TestStore store = TestStore.h2(folder, "configured");
        store.fill(1, 4);
        Path config = folder.resolve("store.properties");
        Files.writeString(config, StoreOptions.URL_KEY + "=" + store.url() + "\n" + StoreOptions.USER_KEY + "=sa\n");
        StoreOptions options = new StoreOptions();
        options.config = config;
        options.passwordVariable = "SD_PASSWORD";

        StoreAddress address = options.address(Map.of("SD_PASSWORD", ""));

        assertThat(address).isEqualTo(new StoreAddress(store.url(), "sa", ""));
        CliRun run = CliRun.of("verify", "--config", config.toString(), "--progress", "none");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aPasswordVariableThatIsNotSetIsNamed() {
        CliRun run = CliRun.of("stats", "--url", "jdbc:h2:mem:x", "--password:env", "SD_NOT_SET_ANYWHERE");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("--password:env names SD_NOT_SET_ANYWHERE, which is not set");
    }

    @Test
    void progressIsPlainLinesWhenNotOnATerminal() throws Exception {
        TestStore store = TestStore.h2(folder, "progress");
        store.fill(2, 8);

        CliRun run = CliRun.of(store.args("verify"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err().lines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("verify").doesNotContain("\r"));
        assertThat(run.err()).contains("100%").contains("16/16");
    }

    @Test
    void aStreamOutsideTheGivenCategoryIsRefused() {
        CliRun run = CliRun.of("verify", "--url", "jdbc:h2:mem:x", "--category", "orders", "--stream", "tck-1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("--stream tck-1 is not in --category orders");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("verify", "stats", "export", "import", "rebuild")
                .contains("Exit codes: 0 done (verify: intact), 1 problems found, 2 could not run.");
    }
}
