package io.streamdingo.cli;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.AccountEvents;
import io.streamdingo.tck.events.CartEvents;
import io.streamdingo.tck.replay.Carts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A store of one test's own, filled by the real engine: an H2 file database in a temporary folder, a fresh
 * PostgreSQL schema in database {@code test} or a fresh MariaDB database, which {@link #close()} drops (PostgreSQL
 * schemas older than a day that a killed run left behind are dropped on the way), so nothing depends on what
 * earlier runs or the demo left.
 */
final class TestStore implements AutoCloseable {

    /** The category every filled stream is in. */
    static final String CATEGORY = "tck";

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String SCHEMA_PREFIX = "sdcli_";

    private final String url;
    private final String user;
    private final String schema;

    private TestStore(String url, String user, String schema) {
        this.url = url;
        this.user = user;
        this.schema = schema;
    }

    /** An empty H2 store file in {@code folder}; its tables appear with the first {@link #fill}. */
    static TestStore h2(Path folder, String name) {
        return new TestStore("jdbc:h2:file:" + folder.resolve(name).toAbsolutePath(), "sa", "");
    }

    /** An empty PostgreSQL schema of its own; its tables appear with the first {@link #fill}. */
    static TestStore postgres() throws SQLException {
        String schema = SCHEMA_PREFIX + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement()) {
            dropAbandoned(statement, " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        return new TestStore(POSTGRES + "?currentSchema=" + schema, "postgres", schema);
    }

    /** An empty MariaDB database of its own beside {@code test}; its tables appear with the first {@link #fill}. */
    static TestStore mariadb() throws SQLException {
        String database = SCHEMA_PREFIX + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(MARIADB + "test", "root", "");
                Statement statement = connection.createStatement()) {
            dropAbandoned(statement, "");
            statement.execute("CREATE DATABASE " + database);
        }
        return new TestStore(MARIADB + database, "root", database);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    /** {@code command}, the store's --url and --user, then {@code more}. */
    String[] args(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--url", url, "--user", user));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * Appends {@code eventsPerStream} events to each of {@code streams} streams {@code tck-s1} … through the
     * engine (a few appends per stream, so that positions interleave), and takes a snapshot of every stream.
     */
    void fill(int streams, int eventsPerStream) {
        fill(streams, eventsPerStream, null);
    }

    /** As {@link #fill(int, int)}, then soft-deletes stream {@code softDeleted} and appends one more event to it. */
    void fill(int streams, int eventsPerStream, @Nullable String softDeleted) {
        Map<String, String> settings =
                Map.of(StoreOptions.URL_KEY, url, StoreOptions.USER_KEY, user, "streamdingo.store.jpa.pool-size", "2");
        try (StoreEngine engine = EventStores.builder()
                .settings(key -> Optional.ofNullable(settings.get(key)))
                .register(CartEvents.ItemAdded.class, CartEvents.ItemRemoved.class, CartEvents.NoteAdded.class)
                .buildEngine()) {
            EventStore store = engine.store();
            int perAppend = Math.max(1, eventsPerStream / 4);
            for (int written = 0; written < eventsPerStream; written += perAppend) {
                for (int s = 1; s <= streams; s++) {
                    List<NewEvent> batch = new ArrayList<>();
                    for (int i = written; i < Math.min(eventsPerStream, written + perAppend); i++) {
                        batch.add(NewEvent.of(
                                i % 5 == 4
                                        ? new CartEvents.NoteAdded("note \"" + i + "\" é")
                                        : new CartEvents.ItemAdded("sku-" + i, i + 1)));
                    }
                    store.append(StreamId.of(CATEGORY, "s" + s), ExpectedVersion.any(), batch);
                }
            }
            if (softDeleted != null) {
                store.softDelete(StreamId.of(CATEGORY, softDeleted), ExpectedVersion.any());
                store.append(
                        StreamId.of(CATEGORY, softDeleted),
                        ExpectedVersion.any(),
                        List.of(NewEvent.of(new CartEvents.ItemAdded("after-delete", 1))));
            }
            ReplayEngine replay = EventStores.replayEngine(engine);
            for (int s = 1; s <= streams; s++) {
                replay.snapshot(Carts.CART, StreamId.of(CATEGORY, "s" + s));
            }
        }
    }

    /** The master key the accounts' personal data is kept under: random for each run. */
    private static final String MASTER_KEY =
            java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));

    /**
     * An engine over the store with the kit's account events registered, whose personal data is encrypted with
     * keys wrapped by this run's master key. Close it.
     */
    StoreEngine accounts() {
        Map<String, String> settings = Map.of(
                StoreOptions.URL_KEY,
                url,
                StoreOptions.USER_KEY,
                user,
                "streamdingo.store.jpa.pool-size",
                "2",
                "streamdingo.crypto.master-key",
                MASTER_KEY);
        return EventStores.builder()
                .settings(key -> Optional.ofNullable(settings.get(key)))
                .register(AccountEvents.AccountOpened.class, AccountEvents.Deposited.class)
                .buildEngine();
    }

    /** Runs {@code sql} against the store's database, as an intruder would. */
    void sql(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        if (schema.isEmpty()) {
            return;
        }
        if (url.startsWith(MARIADB)) {
            try (Connection connection = DriverManager.getConnection(MARIADB + "test", "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + schema);
            }
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Drops the schemas (MariaDB: databases) of this class older than a day: a killed run left them. */
    private static void dropAbandoned(Statement statement, String dropSuffix) throws SQLException {
        List<String> old = new ArrayList<>();
        long dayAgo = Instant.now().getEpochSecond() - 86_400;
        try (var rows = statement.executeQuery(
                "SELECT schema_name FROM information_schema.schemata" + " WHERE schema_name LIKE 'sdcli\\_%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.split("_");
                try {
                    if (parts.length >= 2 && Long.parseLong(parts[1], 36) < dayAgo) {
                        old.add(name);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        for (String name : old) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + dropSuffix);
        }
    }
}
