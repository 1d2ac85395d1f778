package io.streamdingo.management.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.EventSchema;
import io.streamdingo.api.SchemaRegistry;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /schemas}: the schema registry — every registered event type and version with its Java type, upcast
 * path and fingerprint; one schema with its JSON Schema. Paged by the cursor {@code name@version}.
 */
final class SchemasResource {

    private final SchemaRegistry registry;
    private final ObjectMapper json;

    SchemasResource(SchemaRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    /** {@code GET /schemas}: a page in name-then-version order, without the JSON Schemas themselves. */
    Paging.Page<Summary> list(Paging paging) {
        EventSchema.Key after = paging.after() == null ? null : cursor(paging.after());
        List<EventSchema> found = registry.list(after, paging.limit() + 1);
        return paging.page(found.stream().map(Summary::of), summary -> summary.name() + "@" + summary.version());
    }

    /** {@code GET /schemas/{name}/{version}}: one schema with its JSON Schema as a JSON document. */
    Detail one(String name, String version) {
        int number = version(version, "version");
        EventSchema schema = registry.find(name, number)
                .orElseThrow(() -> ApiProblem.notFound("no event type " + name + " version " + number
                        + " is registered; GET /schemas lists the registry"));
        return Detail.of(schema, parse(schema));
    }

    private JsonNode parse(EventSchema schema) {
        try {
            return json.readTree(schema.jsonSchema());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the registry holds a JSON Schema for " + schema.key()
                            + " that is not JSON; restart the application to write it again",
                    e);
        }
    }

    private static EventSchema.Key cursor(String text) {
        int at = text.lastIndexOf('@');
        if (at < 1) {
            throw ApiProblem.badInput(
                    "after", "after must be a schema's name@version, as a page's next gives it; got '" + text + "'");
        }
        return new EventSchema.Key(text.substring(0, at), version(text.substring(at + 1), "after"));
    }

    private static int version(String text, String field) {
        try {
            int version = Integer.parseInt(text);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badInput(
                field, field + " needs a schema version, a whole number 1 or more; got '" + text + "'");
    }

    /** A registered type and version, without its JSON Schema. */
    record Summary(
            String name,
            int version,
            String javaType,
            String fingerprint,
            List<String> upcastPath,
            Instant registeredAt) {
        static Summary of(EventSchema schema) {
            return new Summary(
                    schema.name(),
                    schema.version(),
                    schema.javaType(),
                    schema.fingerprint(),
                    schema.upcastPath(),
                    schema.registeredAt());
        }
    }

    /** A registered type and version with its JSON Schema. */
    record Detail(
            String name,
            int version,
            String javaType,
            String fingerprint,
            List<String> upcastPath,
            Instant registeredAt,
            @Nullable JsonNode jsonSchema) {
        static Detail of(EventSchema schema, JsonNode jsonSchema) {
            return new Detail(
                    schema.name(),
                    schema.version(),
                    schema.javaType(),
                    schema.fingerprint(),
                    schema.upcastPath(),
                    schema.registeredAt(),
                    jsonSchema);
        }
    }
}
