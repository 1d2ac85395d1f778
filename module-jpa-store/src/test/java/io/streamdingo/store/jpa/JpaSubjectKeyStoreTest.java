package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.spi.DataKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the JPA key store adds to the contract: keys are stored wrapped, a wrong master key stops it before it
 * reads or writes anything, and rotating the master key re-wraps the keys without changing them. On PostgreSQL,
 * in this class's own schema, whose key table every test starts empty (the master keys differ between tests).
 */
class JpaSubjectKeyStoreTest {

    @RegisterExtension
    static final TestSchema SCHEMA = new TestSchema(TestDatabase.POSTGRESQL);

    private final String subject = "customer-" + UUID.randomUUID();

    @BeforeEach
    void emptyKeyTable() throws SQLException {
        execute("DELETE FROM sd_subject_keys");
    }

    @Test
    void aStoredKeyIsNeverInClear() throws SQLException {
        DataKey key = store(MasterKeys.FIRST).currentKey(subject);

        List<String> row = row(subject);

        assertThat(row).hasSize(3);
        assertThat(row.get(0)).isEqualTo(key.keyId());
        assertThat(row.get(1)).isEqualTo(MasterKeys.FIRST.id());
        byte[] wrapped = Base64.getDecoder().decode(row.get(2));
        assertThat(new String(wrapped, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(key.key(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(row.get(2)).doesNotContain(Base64.getEncoder().encodeToString(key.key()));
    }

    @Test
    void aWrongMasterKeyFailsTheStartNamingBothKeysAndChangesNothing() throws SQLException {
        store(MasterKeys.FIRST).currentKey(subject);
        List<String> before = row(subject);
        MasterKey wrong = MasterKeys.random();

        assertThatThrownBy(() -> store(wrong))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrapped by master key " + MasterKeys.FIRST.id())
                .hasMessageContaining("the configured master key is " + wrong.id())
                .hasMessageContaining("nothing was read or changed");
        assertThat(row(subject)).isEqualTo(before);
    }

    @Test
    void rotatingTheMasterKeyRewrapsEveryKeyWithoutChangingIt() throws SQLException {
        DataKey key = store(MasterKeys.FIRST).currentKey(subject);
        JpaSubjectKeyStore rotating =
                new JpaSubjectKeyStore(SCHEMA.entityManagerFactory(), MasterKeys.SECOND, List.of(MasterKeys.FIRST));

        long rewrapped = rotating.rewrap();

        assertThat(rewrapped).isGreaterThanOrEqualTo(1);
        assertThat(row(subject).get(1)).isEqualTo(MasterKeys.SECOND.id());
        assertThat(store(MasterKeys.SECOND).key(subject, key.keyId())).contains(key);
        assertThatThrownBy(() -> store(MasterKeys.FIRST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MasterKeys.SECOND.id());
    }

    @Test
    void aWrappedKeyCopiedToAnotherSubjectDoesNotOpen() throws SQLException {
        JpaSubjectKeyStore store = store(MasterKeys.SECOND);
        store.currentKey(subject);
        DataKey other = store.currentKey(subject + "-other");
        execute("UPDATE sd_subject_keys SET wrapped_key = (SELECT wrapped_key FROM sd_subject_keys WHERE subject = '"
                + subject + "') WHERE subject = '" + subject + "-other'");

        assertThatThrownBy(() -> store.key(subject + "-other", other.keyId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open with master key")
                .hasMessageContaining("altered or copied from another row");
    }

    @Test
    void aMasterKeyThatIsNotBase64Of32BytesIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> MasterKey.parse("not base64!", "streamdingo.crypto.master-key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamdingo.crypto.master-key is not base64");
        assertThatThrownBy(() -> MasterKey.parse(Base64.getEncoder().encodeToString(new byte[16]), "key.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key.txt holds 16 bytes; a master key is 32 random bytes");
    }

    private static JpaSubjectKeyStore store(MasterKey master) {
        return new JpaSubjectKeyStore(SCHEMA.entityManagerFactory(), master, List.of());
    }

    /** key_id, master_key_id and wrapped_key of the subject's row. */
    private static List<String> row(String subject) throws SQLException {
        try (Connection connection = SCHEMA.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT key_id, master_key_id, wrapped_key FROM sd_subject_keys"
                        + " WHERE subject = '" + subject + "'")) {
            List<String> values = new ArrayList<>();
            if (row.next()) {
                for (int i = 1; i <= 3; i++) {
                    values.add(row.getString(i));
                }
            }
            return values;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = SCHEMA.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
