package io.streamdingo.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImmutableTypesTest {

    enum Currency {
        EUR,
        USD
    }

    record Money(BigDecimal amount, Currency currency) {}

    record LineAdded(UUID order, int line, String sku, Money price, Instant at, ZoneId zone, long version) {}

    record Tagged(String id, List<String> tags) {}

    record Nested(Tagged tagged) {}

    record WithArray(byte[] data) {}

    record WithOptional(Optional<String> note) {}

    record Node(String name, Node next) {}

    static final class Plain {
        final String name = "x";
    }

    @Test
    void aRecordOfValuesAndRecordsOfValuesIsDeeplyImmutable() {
        assertThat(ImmutableTypes.isDeeplyImmutable(LineAdded.class)).isTrue();
    }

    @Test
    void aRecordHoldingACollectionAnArrayOrAnOptionalIsNot() {
        assertThat(ImmutableTypes.isDeeplyImmutable(Tagged.class)).isFalse();
        assertThat(ImmutableTypes.isDeeplyImmutable(WithArray.class)).isFalse();
        assertThat(ImmutableTypes.isDeeplyImmutable(WithOptional.class)).isFalse();
    }

    @Test
    void aRecordIsNotWhenOneNestedDeeperIsNot() {
        assertThat(ImmutableTypes.isDeeplyImmutable(Nested.class)).isFalse();
    }

    @Test
    void aPlainClassIsNotEvenWithFinalFields() {
        assertThat(ImmutableTypes.isDeeplyImmutable(Plain.class)).isFalse();
        assertThat(ImmutableTypes.isDeeplyImmutable(Map.class)).isFalse();
    }

    @Test
    void aRecordThatRefersToItsOwnTypeIsDecidedByItsOtherComponents() {
        assertThat(ImmutableTypes.isDeeplyImmutable(Node.class)).isTrue();
    }
}
