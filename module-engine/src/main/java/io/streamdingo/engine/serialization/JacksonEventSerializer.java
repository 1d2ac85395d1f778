package io.streamdingo.engine.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.streamdingo.api.spi.EventSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The default serializer: JSON through Jackson, records and classes alike.
 *
 * <p>Configured as a tolerant reader for schema evolution: properties the class does not know are ignored
 * (a newer writer may add optional fields), but a payload that is not JSON, has trailing garbage, or puts
 * null into a primitive fails. {@code java.time} values are written as ISO-8601 text.
 */
public final class JacksonEventSerializer implements EventSerializer {

    private final ObjectMapper mapper;

    /** The default configuration described above. */
    public JacksonEventSerializer() {
        this(defaultMapper());
    }

    /** A serializer over an application-configured mapper. */
    public JacksonEventSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper the default configuration uses; a starting point for a customised one. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // after JavaTimeModule, so that they handle instants first (they hand what they cannot back)
                .addModule(new SimpleModule("streamdingo-instants")
                        .addSerializer(Instant.class, new UtcInstantSerializer())
                        .addDeserializer(Instant.class, new UtcInstantDeserializer()))
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Written in canonical member order, payloads and snapshots need no re-sorting before they are
                // hashed (the canonical form is checked, not assumed: anything else is re-written).
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] serialize(Object payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write a " + payload.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T deserialize(byte[] data, Class<T> type) {
        try {
            T value = mapper.readValue(data, type);
            if (value == null) {
                throw new IllegalArgumentException("the payload is JSON null");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
