package io.streamdingo.management.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Stream ids are data: each path segment is decoded on its own, so any id travels in one segment. */
class ApiCallTest {

    @Test
    void eachSegmentIsDecodedOnItsOwnSoSlashesPercentsSpacesAndLettersStayInTheId() {
        assertThat(ApiCall.segments("/streams/orders/a%2Fb%25c%20d%C3%A9"))
                .containsExactly("streams", "orders", "a/b%c dé");
    }

    @Test
    void dotsAreDataNotNavigation() {
        assertThat(ApiCall.segments("/streams/orders/%2E%2E")).containsExactly("streams", "orders", "..");
    }

    @Test
    void aPlusStaysAPlus() {
        assertThat(ApiCall.segments("/streams/orders/a+b")).containsExactly("streams", "orders", "a+b");
    }

    @Test
    void emptySegmentsOfDoubledOrTrailingSlashesAreDropped() {
        assertThat(ApiCall.segments("//streams/orders/")).containsExactly("streams", "orders");
    }

    @Test
    void aBrokenEscapeIsBadInputNamingThePath() {
        assertThatThrownBy(() -> ApiCall.segments("/streams/orders/a%2"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.field()).isEqualTo("path");
                    assertThat(problem.getMessage()).contains("%25");
                });
    }

    @Test
    void bytesThatAreNotUtf8AreBadInput() {
        assertThatThrownBy(() -> ApiCall.segments("/streams/orders/%FF"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getMessage())
                        .contains("not UTF-8"));
    }

    @Test
    void aParameterGivenTwiceIsBadInputNamingIt() {
        ApiCall call = new ApiCall(
                "GET",
                java.util.List.of(),
                java.util.Map.of("limit", java.util.List.of("1", "2")),
                "",
                Caller.ANONYMOUS);

        assertThatThrownBy(() -> call.parameter("limit"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, problem -> assertThat(problem.field()).isEqualTo("limit"));
    }
}
