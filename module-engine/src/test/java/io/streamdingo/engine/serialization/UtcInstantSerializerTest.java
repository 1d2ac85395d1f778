package io.streamdingo.engine.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcInstantSerializerTest {

    private final ObjectMapper ours = JacksonEventSerializer.defaultMapper();
    private final ObjectMapper jacksons = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    record Stamped(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant at, Instant plain) {}

    @Test
    void everyInstantIsWrittenAsJacksonsOwnSerializerWritesIt() throws Exception {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_200_000_000L, 253_500_000_000L); // a little past years 1 and 9999
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(ours.writeValueAsString(instant))
                    .as(instant.toString())
                    .isEqualTo(jacksons.writeValueAsString(instant));
        }
    }

    @Test
    void theEdgesOfTheFastRangeAndLeapDaysAreWrittenAsJacksonWritesThem() throws Exception {
        for (String text : new String[] {
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T23:59:59.000001Z",
            "2000-02-29T00:00:00.100Z",
            "1969-12-31T23:59:59.999Z",
            "1970-01-01T00:00:00Z"
        }) {
            Instant instant = Instant.parse(text);

            assertThat(ours.writeValueAsString(instant)).isEqualTo(jacksons.writeValueAsString(instant));
        }
    }

    @Test
    void aPropertyWithItsOwnFormatIsWrittenAndReadInThatFormat() throws Exception {
        Stamped stamped = new Stamped(Instant.parse("2026-12-01T10:15:00Z"), Instant.parse("2026-12-01T10:15:30Z"));

        String json = ours.writeValueAsString(stamped);

        assertThat(json).contains("\"at\":\"2026-12-01 10:15\"").contains("\"plain\":\"2026-12-01T10:15:30Z\"");
        assertThat(ours.readValue(json, Stamped.class)).isEqualTo(stamped);
    }

    @Test
    void timestampsAsNumbersAreStillWrittenWhenAMapperDerivedFromOursAsksForThem() throws Exception {
        ObjectMapper numeric =
                JacksonEventSerializer.defaultMapper().copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(numeric.writeValueAsString(Instant.ofEpochSecond(1_700_000_000L, 500_000_000)))
                .isEqualTo("1700000000.500000000");
    }
}
