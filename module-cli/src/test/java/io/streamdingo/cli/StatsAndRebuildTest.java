package io.streamdingo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamdingo stats} and {@code rebuild} on an H2 store the engine filled: two streams with a snapshot each. */
class StatsAndRebuildTest {

    @TempDir
    Path folder;

    TestStore store;

    @BeforeEach
    void fill() throws SQLException {
        store = TestStore.h2(folder, "store");
        store.fill(2, 10);
        store.sql("INSERT INTO sd_offsets (subscription, consumer_key, position, updated_at)"
                + " SELECT 'billing', 'member-1', global_position, CURRENT_TIMESTAMP FROM sd_events"
                + " WHERE stream_id = 's1' AND stream_version = 5");
        store.sql("INSERT INTO sd_offsets (subscription, consumer_key, position, updated_at)"
                + " VALUES ('audit', 'member-1', 0, CURRENT_TIMESTAMP)");
    }

    @Test
    void statsShowsCategoriesSnapshotsAndConsumerLagAsATable() {
        CliRun run = CliRun.of(store.args("stats"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("tck +2 +20 ")
                .containsPattern("total +2 +20 ")
                .containsPattern("tck +2 +2 ")
                .containsPattern("billing +member-1 +tck +\\d+ +\\d+ ")
                .containsPattern("audit +member-1 +\\? +0 +\\? ");
    }

    @Test
    void statsAsJsonCountsTheLagOfAConsumerInItsCategory() throws Exception {
        CliRun run = CliRun.of(store.args("stats", "--format", "json"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode stats = new ObjectMapper().readTree(run.out());
        assertThat(stats.get("events").asLong()).isEqualTo(20);
        assertThat(stats.get("categories").get(0).get("streams").asLong()).isEqualTo(2);
        JsonNode billing = stats.get("consumers").get(1);
        assertThat(billing.get("subscription").asText()).isEqualTo("billing");
        assertThat(billing.get("category").asText()).isEqualTo("tck");
        // s1 version 5 was written in the second round of appends: s1 v6-10 and s2 v6-10 come after it
        assertThat(billing.get("lag").asLong()).isBetween(5L, 15L);
        assertThat(stats.get("snapshots").get(0).get("snapshots").asLong()).isEqualTo(2);
    }

    @Test
    void rebuildDryRunShowsWhatWouldGoAndDeletesNothing() {
        CliRun run = CliRun.of(store.args("rebuild", "--all", "--dry-run"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("would delete").containsPattern("tck +2");
        assertThat(CliRun.of(store.args("stats")).out()).containsPattern("tck +2 +2 ");
    }

    @Test
    void rebuildDeletesTheSnapshotsOfOneTypeAndTheStoreStillVerifies() {
        CliRun run = CliRun.of(store.args("rebuild", "--type", "tck", "--stream", "tck-s1"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("deleted").containsPattern("tck +1");
        CliRun verify = CliRun.of(store.args("verify", "--progress", "none"));
        assertThat(verify.out()).containsPattern("snapshots checked +1");
        assertThat(verify.exitCode()).isZero();
    }

    @Test
    void rebuildOfAnUnknownTypeSaysSo() {
        CliRun run = CliRun.of(store.args("rebuild", "--type", "nothing"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no snapshots of nothing in all streams");
    }

    @Test
    void rebuildNeedsATypeOrAll() {
        CliRun run = CliRun.of(store.args("rebuild"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err())
                .contains("Missing required argument")
                .contains("--type=STATE-TYPE")
                .contains("--all");
    }
}
