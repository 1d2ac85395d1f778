package io.streamdingo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code streamdingo verify} finds in a store the engine filled and SQL then damaged, on each database:
 * three streams of 20 events with a snapshot each.
 */
abstract class VerifyContract {

    TestStore store;

    abstract TestStore newStore() throws Exception;

    @BeforeEach
    void fillStore() throws Exception {
        store = newStore();
        store.fill(3, 20);
    }

    /** {@code streamdingo verify} on the store, without progress output. */
    CliRun verify(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--progress";
        args[1] = "none";
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRun.of(store.args("verify", args));
    }

    /** {@code streamdingo verify} on the damaged store: exit code 1 and the problems listed. */
    CliRun verifyFindingProblems() {
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PROBLEMS);
        return run;
    }

    @AfterEach
    void dropStore() throws SQLException {
        store.close();
    }

    @Test
    void anIntactStoreVerifiesWithExitCodeZero() {
        CliRun run = verify();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("INTACT")
                .containsPattern("events checked +60")
                .containsPattern("streams checked +3")
                .containsPattern("snapshots checked +3")
                .containsPattern("problems +0");
    }

    @Test
    void aChangedPayloadIsReportedAtItsStreamAndVersion() throws SQLException {
        store.sql("UPDATE sd_events SET payload = REPLACE(payload, 'sku-2', 'sku-X')"
                + " WHERE stream_id = 's2' AND stream_version = 3");

        CliRun run = verifyFindingProblems();

        assertThat(run.out())
                .contains("stream tck-s2 version 3: the event stored at version 3 does not hash to its recorded link")
                .containsPattern("problems +1")
                .contains("PROBLEMS FOUND");
    }

    @Test
    void aDeletedEventIsReportedAsMissing() throws SQLException {
        store.sql("DELETE FROM sd_events WHERE stream_id = 's1' AND stream_version = 5");

        CliRun run = verifyFindingProblems();

        assertThat(run.out()).contains("stream tck-s1 version 5: the event at version 5 is missing: it was removed");
    }

    @Test
    void swappedEventsAreReportedAtTheFirstOfThem() throws SQLException {
        store.sql("UPDATE sd_events SET stream_version = -7 WHERE stream_id = 's3' AND stream_version = 7");
        store.sql("UPDATE sd_events SET stream_version = 7 WHERE stream_id = 's3' AND stream_version = 8");
        store.sql("UPDATE sd_events SET stream_version = 8 WHERE stream_id = 's3' AND stream_version = -7");

        CliRun run = verifyFindingProblems();

        assertThat(run.out()).contains("stream tck-s3 version 7: the event stored at version 7 does not hash");
    }

    @Test
    void theLastEventDeletedWithItsHeadLeftAsItWasIsReported() throws SQLException {
        store.sql("DELETE FROM sd_events WHERE stream_id = 's1' AND stream_version = 20");

        CliRun run = verifyFindingProblems();

        assertThat(run.out())
                .contains("stream tck-s1 version 20: its head row says the stream is at version 20 but its last"
                        + " stored event is version 19");
    }

    @Test
    void aHeadMovedBackIsReportedWithTheSnapshotNowAheadOfIt() throws SQLException {
        store.sql("UPDATE sd_streams SET current_version = 10 WHERE stream_id = 's1'");

        CliRun run = verifyFindingProblems();

        assertThat(run.out())
                .contains("stream tck-s1 version 10: its head row says the stream is at version 10 but its last"
                        + " stored event is version 20")
                .contains("stream tck-s1 version 20: its snapshot of tck at version 20 is ahead of the stream, which"
                        + " is at version 10");
    }

    @Test
    void aTamperedSnapshotIsReported() throws SQLException {
        store.sql("UPDATE sd_snapshots SET state_hash = '" + "0".repeat(64) + "' WHERE stream_id = 's2'");

        CliRun run = verifyFindingProblems();

        assertThat(run.out())
                .contains("stream tck-s2 version 20: its snapshot of tck at version 20 does not match"
                        + " its state hash");
    }

    @Test
    void aHeadRowWhoseEventsAreAllGoneIsReported() throws SQLException {
        store.sql("DELETE FROM sd_events WHERE stream_id = 's2'");

        CliRun run = verifyFindingProblems();

        assertThat(run.out())
                .contains("stream tck-s2 version 20: its head row says the stream is at version 20 but"
                        + " none of its events is stored");
    }

    @Test
    void eventsWithoutAHeadRowAreReported() throws SQLException {
        store.sql("DELETE FROM sd_streams WHERE stream_id = 's3'");

        CliRun run = verifyFindingProblems();

        assertThat(run.out()).contains("stream tck-s3 version 1: its events have no stream head row");
    }

    @Test
    void oneStreamCanBeVerifiedAlone() throws SQLException {
        store.sql("DELETE FROM sd_events WHERE stream_id = 's2' AND stream_version = 4");

        CliRun run = verify("--stream", "tck-s1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("events checked +20").contains("stream tck-s1");
    }
}
