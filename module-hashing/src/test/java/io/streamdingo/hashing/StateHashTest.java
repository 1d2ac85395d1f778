package io.streamdingo.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HS-3 and HS-5: a snapshot's state matches its hash until somebody changes it. */
class StateHashTest {

    private static final byte[] STATE =
            CanonicalJson.canonicalize("{\"count\":2,\"total\":10.50}".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameStateAlwaysGivesTheSameHash() {
        byte[] reordered =
                CanonicalJson.canonicalize("{ \"total\": 10.50, \"count\": 2 }".getBytes(StandardCharsets.UTF_8));

        assertThat(StateHash.of(reordered)).isEqualTo(StateHash.of(STATE));
    }

    @Test
    void aStateReformattedByTheDatabaseStillMatches() {
        assertThat(StateHash.matches(
                        "{\"total\": 10.50, \"count\": 2}".getBytes(StandardCharsets.UTF_8), StateHash.of(STATE)))
                .isTrue();
    }

    @Test
    void aChangedStateDoesNotMatch() {
        assertThat(StateHash.matches(
                        "{\"count\":3,\"total\":10.50}".getBytes(StandardCharsets.UTF_8), StateHash.of(STATE)))
                .isFalse();
    }

    @Test
    void corruptBytesDoNotMatch() {
        assertThat(StateHash.matches("{\"count\":".getBytes(StandardCharsets.UTF_8), StateHash.of(STATE)))
                .isFalse();
    }
}
