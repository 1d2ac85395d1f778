package io.streamdingo.store.jpa;

import io.streamdingo.api.EventSchema;
import io.streamdingo.api.spi.SchemaStore;
import io.streamdingo.store.jpa.sql.Dialect;
import io.streamdingo.store.jpa.sql.SchemaRows;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SchemaStore} in the table {@code sd_event_schemas}: the schema registry outlives the application,
 * is shared by the servers of one database, and can be read by other services and operators with SQL. Each
 * call is a transaction of its own (a caller's JTA transaction is suspended).
 */
public final class JpaSchemaStore implements SchemaStore {

    private final UnitOfWork unit;
    private final SchemaRows rows;

    /**
     * A schema store over {@code emf}, whose database has StreamDingo's tables (see {@link SchemaMigrations}).
     *
     * @throws io.streamdingo.api.StoreUnavailableException if the database cannot be reached
     */
    public JpaSchemaStore(EntityManagerFactory emf) {
        this.unit = new UnitOfWork(emf);
        this.rows =
                new SchemaRows(unit.inTransaction("detect the database", (em, connection) -> Dialect.of(connection)));
    }

    @Override
    public Optional<EventSchema> find(String name, int version) {
        Objects.requireNonNull(name, "name must not be null");
        return unit.inTransaction("read a schema", (em, connection) -> rows.find(connection, name, version));
    }

    @Override
    public void save(EventSchema schema) {
        Objects.requireNonNull(schema, "schema must not be null");
        try {
            upsert(schema);
        } catch (UnitOfWork.UniqueViolation e) {
            // H2's MERGE can lose a race with another server's insert of the same key: the row is there now
            upsert(schema);
        }
    }

    private void upsert(EventSchema schema) {
        unit.inSeparateTransaction("keep a schema", (em, connection) -> {
            rows.upsert(connection, schema);
            return null;
        });
    }

    @Override
    public List<EventSchema> list(EventSchema.@Nullable Key after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is 1 or more; got " + limit);
        }
        return unit.inTransaction("list schemas", (em, connection) -> rows.list(connection, after, limit));
    }
}
