package io.streamdingo.store.jpa.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.EventSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The SQL of the schema registry's table {@code sd_event_schemas}; the upcast path is kept as a JSON array. */
public final class SchemaRows {

    private static final String COLUMNS =
            "event_type, schema_version, java_type, json_schema, fingerprint, upcast_path, registered_at";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Dialect dialect;
    private final String upsert;

    public SchemaRows(Dialect dialect) {
        this.dialect = dialect;
        this.upsert = dialect.upsertSchema();
    }

    /** Inserts {@code schema}, or replaces the row of its type and version. */
    public void upsert(Connection connection, EventSchema schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, schema.name());
            statement.setInt(2, schema.version());
            statement.setString(3, schema.javaType());
            statement.setString(4, schema.jsonSchema());
            statement.setString(5, schema.fingerprint());
            statement.setString(6, writePath(schema.upcastPath()));
            dialect.bindInstant(statement, 7, schema.registeredAt());
            statement.executeUpdate();
        }
    }

    public Optional<EventSchema> find(Connection connection, String name, int version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM sd_event_schemas WHERE event_type = ? AND schema_version = ?")) {
            statement.setString(1, name);
            statement.setInt(2, version);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(toSchema(row)) : Optional.empty();
            }
        }
    }

    /** Up to {@code limit} schemas after {@code after} (from the first when null), by type then version. */
    public List<EventSchema> list(Connection connection, EventSchema.@Nullable Key after, int limit)
            throws SQLException {
        String where = after == null ? "" : " WHERE event_type > ? OR (event_type = ? AND schema_version > ?)";
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM sd_event_schemas"
                + where + " ORDER BY event_type, schema_version LIMIT ?")) {
            int index = 1;
            if (after != null) {
                statement.setString(index++, after.name());
                statement.setString(index++, after.name());
                statement.setInt(index++, after.version());
            }
            statement.setInt(index, limit);
            List<EventSchema> schemas = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    schemas.add(toSchema(row));
                }
            }
            return schemas;
        }
    }

    private EventSchema toSchema(ResultSet row) throws SQLException {
        return new EventSchema(
                row.getString(1),
                row.getInt(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                readPath(row.getString(6)),
                dialect.readInstant(row, 7));
    }

    private static String writePath(List<String> path) {
        try {
            return JSON.writeValueAsString(path);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an upcast path cannot be written as JSON", e);
        }
    }

    private static List<String> readPath(String text) throws SQLException {
        try {
            return JSON.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored upcast path is not a JSON array of strings", e);
        }
    }
}
