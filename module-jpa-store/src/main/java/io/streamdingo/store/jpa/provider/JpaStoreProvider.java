package io.streamdingo.store.jpa.provider;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventStoreBackendProvider;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.SnapshotStoreProvider;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.api.spi.SubjectKeyStoreProvider;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.JpaSnapshotStore;
import io.streamdingo.store.jpa.JpaSubjectKeyStore;
import io.streamdingo.store.jpa.MasterKeySettings;
import io.streamdingo.store.jpa.SchemaMigrations;
import io.streamdingo.store.jpa.StoreMapping;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.cfg.Configuration;

/**
 * Opens the JPA store for plain Java when {@code streamdingo.store.jpa.url} is set: migrates the schema, then
 * builds Hibernate over that JDBC URL with the store's mapping (no {@code persistence.xml}); and keeps the
 * snapshots of a replay engine over a JPA backend in the same database.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code streamdingo.store.jpa.url}</td><td>none: the provider stays out</td>
 *       <td>the JDBC URL of a PostgreSQL, H2 or MariaDB database</td></tr>
 *   <tr><td>{@code streamdingo.store.jpa.user}</td><td>none</td><td>its user</td></tr>
 *   <tr><td>{@code streamdingo.store.jpa.password}</td><td>none</td><td>its password</td></tr>
 *   <tr><td>{@code streamdingo.store.jpa.pool-size}</td><td>{@code 10}</td>
 *       <td>connections held (Hibernate's own pool; give the builder a backend over your own pooled
 *       factory for more control)</td></tr>
 *   <tr><td>{@code streamdingo.store.jpa.migrate}</td><td>{@code true}</td>
 *       <td>run the schema migrations first</td></tr>
 * </table>
 *
 * <p>When event types hold personal data, the data subjects' keys are kept in the same database, wrapped by the
 * master key that {@link MasterKeySettings} reads.
 */
public final class JpaStoreProvider
        implements EventStoreBackendProvider, SnapshotStoreProvider, SubjectKeyStoreProvider {

    static final String PREFIX = "streamdingo.store.jpa.";

    @Override
    public String name() {
        return "JPA";
    }

    @Override
    public Optional<EventStoreBackend> open(Function<String, Optional<String>> settings) {
        Optional<String> url = settings.apply(PREFIX + "url").map(String::trim).filter(u -> !u.isEmpty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (!url.get().startsWith("jdbc:")) {
            throw new IllegalArgumentException("configuration key " + PREFIX + "url is '" + url.get()
                    + "'; it must be a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/events");
        }
        String user = settings.apply(PREFIX + "user").orElse("");
        String password = settings.apply(PREFIX + "password").orElse("");
        int poolSize = number(settings, PREFIX + "pool-size", 10);
        if (settings.apply(PREFIX + "migrate").map(Boolean::parseBoolean).orElse(true)) {
            SchemaMigrations.migrate(url.get(), user, password);
        }
        Configuration hibernate = new Configuration()
                .setProperty("hibernate.connection.url", url.get())
                .setProperty("hibernate.connection.username", user)
                .setProperty("hibernate.connection.password", password)
                .setProperty("hibernate.connection.pool_size", Integer.toString(poolSize))
                // READ COMMITTED on every database (InnoDB's default REPEATABLE READ adds gap locks)
                .setProperty("hibernate.connection.isolation", "2")
                .setProperty("hibernate.hbm2ddl.auto", "none")
                .setProperty("hibernate.jdbc.time_zone", "UTC");
        StoreMapping.entityClasses().forEach(hibernate::addAnnotatedClass);
        EntityManagerFactory factory;
        try {
            factory = hibernate.buildSessionFactory();
        } catch (PersistenceException e) {
            throw new io.streamdingo.api.StoreUnavailableException(
                    "cannot open the JPA store at " + url.get() + "; check " + PREFIX + "url, user and password", e);
        }
        return Optional.of(JpaEventStoreBackend.owning(factory));
    }

    @Override
    public Optional<SnapshotStore> snapshotStoreBeside(EventStoreBackend backend) {
        return backend instanceof JpaEventStoreBackend jpa
                ? Optional.of(JpaSnapshotStore.beside(jpa))
                : Optional.empty();
    }

    @Override
    public Optional<SubjectKeyStore> subjectKeysBeside(
            EventStoreBackend backend, Function<String, Optional<String>> settings) {
        return backend instanceof JpaEventStoreBackend jpa
                ? Optional.of(JpaSubjectKeyStore.beside(jpa, MasterKeySettings.read(settings)))
                : Optional.empty();
    }

    private static int number(Function<String, Optional<String>> settings, String key, int otherwise) {
        Optional<String> value = settings.apply(key).map(String::trim);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                "configuration key " + key + " is '" + value.get() + "'; it must be a whole number of at least 1");
    }
}
