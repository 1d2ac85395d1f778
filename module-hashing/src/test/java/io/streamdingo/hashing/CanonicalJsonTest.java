package io.streamdingo.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HS-3: the same value always gives the same bytes. */
class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMemberNamesAtEveryDepth() {
        assertThat(canonical("{\"b\":1,\"a\":{\"z\":true,\"y\":null}}"))
                .isEqualTo("{\"a\":{\"y\":null,\"z\":true},\"b\":1}");
    }

    @Test
    void dropsInsignificantWhitespaceLikeJsonbReformatting() {
        assertThat(canonical("{ \"a\" : [1, 2 ,3],\n \"b\": \"x y\" }")).isEqualTo("{\"a\":[1,2,3],\"b\":\"x y\"}");
    }

    @Test
    void writesNumbersWithoutExponentAndKeepsTheScaleOfDecimals() {
        assertThat(canonical("[1.0E2, 10.50, 1e-7, -0, 12345678901234567890]"))
                .isEqualTo("[100,10.50,0.0000001,0,12345678901234567890]");
    }

    @Test
    void returnsACanonicalDocumentAsItIs() {
        byte[] canonical = "{\"a\":[1,2.50,{\"b\":\"x y\",\"c\":null}],\"d\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(CanonicalJson.canonicalize(canonical)).isSameAs(canonical);
    }

    @Test
    void rewritesEscapesAsTheCanonicalWriterWritesThem() {
        assertThat(canonical("{\"a\":\"\\u00e9\\/\"}")).isEqualTo("{\"a\":\"é/\"}");
    }

    @Test
    void rewritesAnObjectWhoseNestedMembersAreOutOfOrder() {
        assertThat(canonical("{\"a\":{\"y\":1,\"x\":2},\"b\":[{\"d\":1,\"c\":2}]}"))
                .isEqualTo("{\"a\":{\"x\":2,\"y\":1},\"b\":[{\"c\":2,\"d\":1}]}");
    }

    @Test
    void keepsArrayOrder() {
        assertThat(canonical("[3,1,2]")).isEqualTo("[3,1,2]");
    }

    @Test
    void refusesDuplicateMemberNames() {
        assertThatThrownBy(() -> canonical("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a well-formed JSON document");
    }

    @Test
    void refusesDuplicateMemberNamesInsideAnOtherwiseCanonicalNestedObject() {
        assertThatThrownBy(() -> canonical("{\"a\":{\"b\":1,\"b\":1},\"c\":2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a well-formed JSON document");
    }

    @Test
    void rewritesNumbersWithAnExponentOrANegativeZeroFoundDeepInside() {
        assertThat(canonical("{\"a\":[{\"b\":1E2}],\"c\":-0}")).isEqualTo("{\"a\":[{\"b\":100}],\"c\":0}");
    }

    @Test
    void returnsADeeplyNestedCanonicalDocumentAsItIs() {
        String deep = "{\"a\":".repeat(20) + "[1,2.50,\"x\"]" + "}".repeat(20);

        assertThat(canonical(deep)).isEqualTo(deep);
    }

    @Test
    void refusesTrailingContentWithoutQuotingIt() {
        assertThatThrownBy(() -> canonical("{\"a\":1} secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThatThrownBy(() -> canonical("")).isInstanceOf(IllegalArgumentException.class);
    }
}
