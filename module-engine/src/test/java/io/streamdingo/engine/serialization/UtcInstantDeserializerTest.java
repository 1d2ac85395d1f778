package io.streamdingo.engine.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcInstantDeserializerTest {

    private final ObjectMapper ours = JacksonEventSerializer.defaultMapper();
    private final ObjectMapper jacksons =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private Instant read(ObjectMapper mapper, String json) throws Exception {
        return mapper.readValue(json, Instant.class);
    }

    @Test
    void everyInstantWrittenInIsoUtcReadsBackAsJacksonsOwnDeserializerReadsIt() throws Exception {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            if (i % 4 == 0) {
                instant = Instant.ofEpochSecond(
                        instant.getEpochSecond(), instant.getNano() / 1_000 * 1_000); // microseconds, as events carry
            } else if (i % 4 == 1) {
                instant = Instant.ofEpochSecond(instant.getEpochSecond());
            }
            String json = '"' + DateTimeFormatter.ISO_INSTANT.format(instant) + '"';

            assertThat(read(ours, json))
                    .as(json)
                    .isEqualTo(read(jacksons, json))
                    .isEqualTo(instant);
        }
    }

    @Test
    void otherNotationsFallBackToJacksonsDeserializer() throws Exception {
        for (String json : new String[] {
            "\"2026-11-23T10:15:30+02:00\"",
            "\"2026-11-23T10:15:30.5Z\"",
            "1700000000.123456789",
            "\"2024-02-29T00:00:00Z\""
        }) {
            assertThat(read(ours, json)).as(json).isEqualTo(read(jacksons, json));
        }
    }

    @Test
    void oddOrImpossibleTimesMeetTheSameOutcomeAsWithJacksonsDeserializer() {
        for (String json : new String[] {
            "\"2026-02-30T10:15:30Z\"",
            "\"2026-11-23T25:15:30Z\"",
            "\"2026-11-23T10:15:30.Z\"",
            "\"2026-11-23T23:59:60Z\"",
            "\"0000-01-01T00:00:00Z\"",
            "\"2026-11-23 10:15:30Z\"",
            "\"2026-11-23T10:15:30.1234567890Z\""
        }) {
            assertThat(outcome(ours, json)).as(json).isEqualTo(outcome(jacksons, json));
        }
    }

    /** The instant read, or the kind of failure. */
    private Object outcome(ObjectMapper mapper, String json) {
        try {
            return read(mapper, json);
        } catch (Exception e) {
            return "failed";
        }
    }
}
