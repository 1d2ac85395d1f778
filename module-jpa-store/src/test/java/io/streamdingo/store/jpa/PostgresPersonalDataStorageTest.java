package io.streamdingo.store.jpa;

import static io.streamdingo.tck.events.AccountEvents.opened;
import static io.streamdingo.tck.replay.Carts.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.AccountEvents;
import io.streamdingo.tck.events.AccountEvents.AccountOpened;
import io.streamdingo.tck.replay.AccountState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What crypto-shredding leaves in PostgreSQL's tables, read by SQL: no personal value in clear in the events or
 * the snapshots, no data key in clear in the key table, no row for a forgotten subject; and a wrong master key
 * stops the store before it reads or writes anything.
 */
class PostgresPersonalDataStorageTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private final String ada = "ada-" + UUID.randomUUID();
    private final StreamId stream = StreamId.of("tck", ada);
    private JpaSubjectKeyStore keys;
    private StoreEngine engine;
    private ReplayEngine replay;

    @BeforeEach
    void openStore() {
        keys = new JpaSubjectKeyStore(SCHEMA.entityManagerFactory(), MasterKeys.FIRST, List.of());
        engine = EventStores.builder()
                .backend(new JpaEventStoreBackend(SCHEMA.entityManagerFactory()))
                .subjectKeys(keys)
                .register(AccountEvents.AccountOpened.class, AccountEvents.Deposited.class)
                .buildEngine();
        replay = EventStores.replayEngine(engine, new JpaSnapshotStore(SCHEMA.entityManagerFactory()));
    }

    @AfterEach
    void closeStore() {
        engine.close();
    }

    private List<String> column(String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = SCHEMA.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    @Test
    void theEventRowAndTheSnapshotRowHoldNoPersonalValueInClear() throws SQLException {
        engine.store().append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(ada, "Lovelace")));

        replay.snapshot(ACCOUNT, stream);

        List<String> payloads = column("SELECT payload FROM sd_events WHERE stream_id = ?", stream.id());
        List<String> states = column("SELECT state::text FROM sd_snapshots WHERE stream_id = ?", stream.id());
        assertThat(payloads)
                .singleElement()
                .asString()
                .doesNotContain("Lovelace")
                .contains("Leeds");
        assertThat(states).singleElement().asString().doesNotContain("Lovelace").contains("$sealed");
        assertThat(replay.load(ACCOUNT, stream).state()).isEqualTo(new AccountState("Lovelace", List.of(), 100));
    }

    @Test
    void theKeyRowHoldsTheKeyOnlyWrappedByTheMasterKey() throws SQLException {
        engine.store().append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(ada, "Lovelace")));
        byte[] key = keys.currentKey(ada).key();

        List<String> wrapped = column("SELECT wrapped_key FROM sd_subject_keys WHERE subject = ?", ada);

        assertThat(wrapped)
                .singleElement()
                .asString()
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(key))
                .doesNotContain(java.util.HexFormat.of().formatHex(key));
    }

    @Test
    void forgettingDeletesTheKeyRowAndTheEventStillVerifies() throws SQLException {
        engine.store().append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(ada, "Lovelace")));
        List<String> before = column("SELECT payload FROM sd_events WHERE stream_id = ?", stream.id());

        engine.store().forget(ada);

        assertThat(column("SELECT key_id FROM sd_subject_keys WHERE subject = ?", ada))
                .isEmpty();
        assertThat(column("SELECT payload FROM sd_events WHERE stream_id = ?", stream.id()))
                .isEqualTo(before);
        assertThat(engine.store().verify(stream).intact()).isTrue();
        assertThat(((AccountOpened) engine.store()
                                .read(stream)
                                .findFirst()
                                .orElseThrow()
                                .payload())
                        .ownerName())
                .isNull();
    }

    @Test
    void aWrongMasterKeyStopsTheKeyStoreAndChangesNoRow() throws SQLException {
        engine.store().append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(ada, "Lovelace")));
        List<String> keysBefore = column("SELECT wrapped_key FROM sd_subject_keys WHERE subject = ?", ada);

        assertThatThrownBy(() -> new JpaSubjectKeyStore(SCHEMA.entityManagerFactory(), MasterKeys.SECOND, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrapped by master key " + MasterKeys.FIRST.id())
                .hasMessageContaining("the configured master key is " + MasterKeys.SECOND.id());

        assertThat(column("SELECT wrapped_key FROM sd_subject_keys WHERE subject = ?", ada))
                .isEqualTo(keysBefore);
    }
}
