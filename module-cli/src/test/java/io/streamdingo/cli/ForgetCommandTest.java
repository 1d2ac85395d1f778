package io.streamdingo.cli;

import static io.streamdingo.tck.events.AccountEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.AccountEvents.AccountOpened;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamdingo forget} on an H2 store whose account events hold personal data. */
class ForgetCommandTest {

    @TempDir
    Path folder;

    TestStore store;
    private final StreamId adas = StreamId.of("account", "ada");
    private final StreamId bobs = StreamId.of("account", "bob");

    @BeforeEach
    void openAccounts() {
        store = TestStore.h2(folder, "store");
        try (StoreEngine engine = store.accounts()) {
            engine.store().append(adas, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));
            engine.store().append(bobs, ExpectedVersion.noStream(), NewEvent.of(opened("bob-1", "Bob")));
        }
    }

    private RecordedEvent opening(StreamId account) {
        try (StoreEngine engine = store.accounts()) {
            return engine.store().read(account).findFirst().orElseThrow();
        }
    }

    @Test
    void forgetDeletesTheSubjectsKeySoItsPersonalDataReadsAsRedacted() {
        CliRun run = CliRun.of(store.args("forget", "ada-1", "--yes"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("forgot data subject ada-1");
        assertThat(((AccountOpened) opening(adas).payload()).ownerName()).isNull();
        assertThat(opening(adas).metadata().redactedFields()).contains("ownerName");
        assertThat(((AccountOpened) opening(bobs).payload()).ownerName()).isEqualTo("Bob");
    }

    @Test
    void theStoreStillVerifiesAfterForgetting() {
        CliRun.of(store.args("forget", "ada-1", "--yes"));

        CliRun verify = CliRun.of(store.args("verify", "--progress", "none"));

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    void aSubjectWithoutAKeyIsReportedAndNothingChanges() {
        CliRun run = CliRun.of(store.args("forget", "nobody", "--yes"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("data subject nobody has no key");
        assertThat(((AccountOpened) opening(adas).payload()).ownerName()).isEqualTo("Ada");
    }

    @Test
    void withoutATerminalOrYesNothingIsForgotten() {
        CliRun run = CliRun.of(store.args("forget", "ada-1"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("cannot be undone; add --yes to confirm");
        assertThat(((AccountOpened) opening(adas).payload()).ownerName()).isEqualTo("Ada");
    }

    @Test
    void aSubjectIdThatBreaksTheRulesIsRefusedNamingTheRule() {
        CliRun run = CliRun.of(store.args("forget", "x".repeat(201), "--yes"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("at most 200 characters");
    }
}
