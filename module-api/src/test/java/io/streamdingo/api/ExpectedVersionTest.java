package io.streamdingo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void anyIsSatisfiedByEveryVersion() {
        assertThat(ExpectedVersion.any().isSatisfiedBy(0)).isTrue();
        assertThat(ExpectedVersion.any().isSatisfiedBy(7)).isTrue();
    }

    @Test
    void noStreamIsSatisfiedOnlyByAnEmptyStream() {
        assertThat(ExpectedVersion.noStream().isSatisfiedBy(0)).isTrue();
        assertThat(ExpectedVersion.noStream().isSatisfiedBy(1)).isFalse();
    }

    @Test
    void exactIsSatisfiedOnlyByThatVersion() {
        assertThat(ExpectedVersion.exact(3).isSatisfiedBy(3)).isTrue();
        assertThat(ExpectedVersion.exact(3).isSatisfiedBy(2)).isFalse();
    }

    @Test
    void exactBelowOneIsRejectedPointingToNoStream() {
        assertThatThrownBy(() -> ExpectedVersion.exact(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noStream()");
        assertThatThrownBy(() -> ExpectedVersion.exact(-5)).isInstanceOf(IllegalArgumentException.class);
    }
}
