package io.streamdingo.store.jpa;

import static io.streamdingo.store.jpa.CdiTestConfig.configure;
import static io.streamdingo.store.jpa.CdiTestConfig.unconfigure;
import static io.streamdingo.tck.events.AccountEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.engine.EventStoreCustomizer;
import io.streamdingo.engine.cdi.EventStoreProducer;
import io.streamdingo.store.jpa.cdi.JpaStoreProducer;
import io.streamdingo.tck.events.AccountEvents;
import io.streamdingo.tck.events.AccountEvents.AccountOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crypto-shredding with {@code @Inject EventStore} in a real CDI container (Weld) and MicroProfile Config
 * (SmallRye): the JPA module's key store takes its master key from configuration, and a wrong one fails the
 * deployment.
 */
class InjectedPersonalDataTest {

    private static final String URL = "jdbc:h2:mem:cdi-personal;DB_CLOSE_DELAY=-1";

    /** The application's registration of its event types, some with personal data. */
    @ApplicationScoped
    static class AccountTypes implements EventStoreCustomizer {
        @Override
        public void customize(EventStoreBuilder builder) {
            builder.register(AccountEvents.AccountOpened.class, AccountEvents.Deposited.class);
        }
    }

    /** The application's data source, used for the migrations. */
    @ApplicationScoped
    static class Database {
        @Produces
        DataSource dataSource() {
            JdbcDataSource source = new JdbcDataSource();
            source.setURL(URL);
            return source;
        }
    }

    @TempDir
    static Path folder;

    private Map<String, String> configuration = Map.of();

    private void configureMasterKeyFile(Path file) {
        configuration = Map.of(
                "streamdingo.store.jpa.persistence-unit", "streamdingo-cdi-personal",
                "streamdingo.crypto.master-key-file", file.toString(),
                "streamdingo.crypto.create-master-key-file", "true");
        configure(configuration);
    }

    @AfterEach
    void forgetConfiguration() {
        unconfigure(configuration);
    }

    private static Weld application() {
        return new Weld()
                .disableDiscovery()
                .addBeanClasses(EventStoreProducer.class, JpaStoreProducer.class, AccountTypes.class, Database.class);
    }

    private static String storedPayload(StreamId stream) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(URL);
        try (Connection connection = source.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT payload FROM sd_events WHERE stream_id = ?")) {
            select.setString(1, stream.id());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static String idOf(Path keyFile) throws java.io.IOException {
        return MasterKey.parse(Files.readString(keyFile), keyFile.toString()).id();
    }

    @Test
    void theInjectedStoreEncryptsWithTheConfiguredMasterKeyAndForgets() throws SQLException {
        configureMasterKeyFile(folder.resolve("master.key"));
        String ada = "ada-" + UUID.randomUUID();
        StreamId stream = StreamId.of("account", ada);
        try (WeldContainer container = application().initialize()) {
            EventStore store = container.select(EventStore.class).get();
            store.append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(ada, "Lovelace")));
            assertThat(storedPayload(stream)).doesNotContain("Lovelace");
            assertThat(store.read(stream).findFirst().orElseThrow().payload()).isEqualTo(opened(ada, "Lovelace"));

            assertThat(store.forget(ada)).isTrue();

            RecordedEvent read = store.read(stream).findFirst().orElseThrow();
            assertThat(((AccountOpened) read.payload()).ownerName()).isNull();
            assertThat(read.metadata().redactedFields()).contains("ownerName");
        }
        assertThat(folder.resolve("master.key")).exists();
    }

    @Test
    void aWrongMasterKeyFailsTheDeploymentNamingBothKeysAndChangesNothing() throws Exception {
        Path right = folder.resolve("master.key");
        configureMasterKeyFile(right);
        String ada = "ada-" + UUID.randomUUID();
        StreamId stream = StreamId.of("account", ada);
        try (WeldContainer container = application().initialize()) {
            container
                    .select(EventStore.class)
                    .get()
                    .append(stream, ExpectedVersion.noStream(), NewEvent.of(opened(ada, "Lovelace")));
        }
        String stored = storedPayload(stream);
        Path wrong = folder.resolve("wrong.key");
        configureMasterKeyFile(wrong);

        assertThatThrownBy(application()::initialize)
                .hasStackTraceContaining("wrapped by master key " + idOf(right))
                .hasStackTraceContaining("the configured master key is " + idOf(wrong))
                .hasStackTraceContaining("configure the master key they were wrapped with");

        assertThat(storedPayload(stream)).isEqualTo(stored);
        assertThat(Files.readString(right)).isNotBlank();
    }
}
