package io.streamdingo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamIdTest {

    @Test
    void textFormRoundTripsThroughParse() {
        StreamId id = StreamId.of("account", "42-a");

        assertThat(id.toString()).isEqualTo("account-42-a");
        assertThat(StreamId.parse("account-42-a")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1account", "acc-ount", "acc ount", "konto\u00e4"})
    void invalidCategoryIsRejectedNamingTheRule(String category) {
        assertThatThrownBy(() -> StreamId.of(category, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category");
    }

    @Test
    void nullPartsAreRejected() {
        assertThatThrownBy(() -> StreamId.of(null, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamId.of("account", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " padded", "padded ", "line\nbreak", "nul\u0000", "bell\u0007", "rtl\u202e"})
    void idWithBlankOrControlCharactersIsRejected(String id) {
        assertThatThrownBy(() -> StreamId.of("account", id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlongIdIsRejectedNamingTheLimit() {
        String tooLong = "x".repeat(StreamId.MAX_ID_LENGTH + 1);

        assertThatThrownBy(() -> StreamId.of("account", tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(StreamId.MAX_ID_LENGTH));
    }

    @Test
    void unicodeLettersAndPunctuationAreAcceptedInIds() {
        StreamId id = StreamId.of("customer", "jürgen.müller@example.com/äöü 日本");

        assertThat(id.id()).isEqualTo("jürgen.müller@example.com/äöü 日本");
    }

    @Test
    void parseWithoutDashExplainsTheExpectedForm() {
        assertThatThrownBy(() -> StreamId.parse("account42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category-id");
    }

    @Test
    void rejectedValuesAreEscapedInMessages() {
        assertThatThrownBy(() -> StreamId.of("account", "evil\u0000id"))
                .hasMessageContaining("\\u0000")
                .hasMessageNotContaining("\u0000");
    }
}
