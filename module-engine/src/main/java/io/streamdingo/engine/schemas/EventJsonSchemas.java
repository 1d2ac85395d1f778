package io.streamdingo.engine.schemas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.streamdingo.hashing.CanonicalJson;
import io.streamdingo.hashing.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * Generates the JSON Schema (draft 2020-12) of an event class with the victools generator, reading the same
 * Jackson annotations the default serializer honours ({@code @JsonProperty}, {@code @JsonIgnore}, …), and
 * writes it in canonical JSON so that its fingerprint changes only when the schema does. Thread-safe.
 */
final class EventJsonSchemas {

    private final SchemaGenerator generator;

    EventJsonSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(
                        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED, JacksonOption.RESPECT_JSONPROPERTY_ORDER))
                // a record's components and a class's private fields are what the serializer writes
                .with(Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        generator = new SchemaGenerator(config.build());
    }

    /** The canonical JSON Schema of {@code type}. */
    String schemaOf(Class<?> type) {
        ObjectNode schema = generator.generateSchema(type);
        schema.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
        byte[] canonical = CanonicalJson.canonicalize(schema.toString().getBytes(StandardCharsets.UTF_8));
        return new String(canonical, StandardCharsets.UTF_8);
    }

    /** The fingerprint of a schema {@link #schemaOf} wrote: its SHA-256 in hex. */
    static String fingerprintOf(String canonicalSchema) {
        return Sha256.hex(canonicalSchema.getBytes(StandardCharsets.UTF_8));
    }
}
