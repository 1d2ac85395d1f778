package io.streamdingo.management.http;

import static io.streamdingo.management.http.ManagementFixture.ADMIN;
import static io.streamdingo.management.http.ManagementFixture.VIEWER;
import static io.streamdingo.tck.events.AccountEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.tck.events.AccountEvents;
import io.streamdingo.tck.events.AccountEvents.AccountOpened;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code DELETE /subjects/{subject}/key}: forgetting a data subject, for admins only. */
class SubjectsApiTest {

    private final ManagementFixture app = new ManagementFixture(AccountEvents.AccountOpened.class);
    private final StreamId account = StreamId.of("account", "ada");

    @AfterEach
    void close() {
        app.close();
    }

    private RecordedEvent opening() {
        return app.engine.store().read(account).findFirst().orElseThrow();
    }

    @Test
    void anAdminForgetsASubjectAndItsPersonalDataReadsAsRedacted() {
        app.engine.store().append(account, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));

        ApiAnswer answer = app.call(ADMIN, "DELETE", "/subjects/ada-1/key");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(app.body(answer).get("subject").asText()).isEqualTo("ada-1");
        assertThat(app.body(answer).get("forgotten").asBoolean()).isTrue();
        assertThat(((AccountOpened) opening().payload()).ownerName()).isNull();
        assertThat(opening().metadata().redactedFields()).contains("ownerName");
    }

    @Test
    void forgettingASubjectWithoutAKeyAnswersSo() {
        ApiAnswer answer = app.call(ADMIN, "DELETE", "/subjects/nobody/key");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(app.body(answer).get("forgotten").asBoolean()).isFalse();
    }

    @Test
    void aViewerMayNotForgetAndNothingIsForgotten() {
        app.engine.store().append(account, ExpectedVersion.noStream(), NewEvent.of(opened("ada-1", "Ada")));

        ApiAnswer answer = app.call(VIEWER, "DELETE", "/subjects/ada-1/key");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(((AccountOpened) opening().payload()).ownerName()).isEqualTo("Ada");
    }

    @Test
    void anotherMethodIsNotAllowed() {
        assertThat(app.call(ADMIN, "GET", "/subjects/ada-1/key").status()).isEqualTo(405);
    }

    @Test
    void aSubjectIdThatBreaksTheRulesIsBadInputNamingTheRule() {
        ApiAnswer answer = app.call(ADMIN, "DELETE", "/subjects/" + "x".repeat(201) + "/key");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(app.body(answer).get("detail").asText()).contains("at most 200 characters");
    }

    @Test
    void aStoreWithoutPersonalDataAnswersConflictNamingWhy() {
        try (ManagementFixture plain = new ManagementFixture()) {
            ApiAnswer answer = plain.call(ADMIN, "DELETE", "/subjects/ada-1/key");

            assertThat(answer.status()).isEqualTo(409);
            assertThat(plain.body(answer).get("detail").asText()).contains("keeps no data subjects' keys");
        }
    }
}
