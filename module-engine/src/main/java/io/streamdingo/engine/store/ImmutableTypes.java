package io.streamdingo.engine.store;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which payload classes are deeply immutable values, so that one decoded instance can be handed to every
 * reader: primitives, their boxes, strings, enums, {@code BigDecimal}/{@code BigInteger}, {@code UUID},
 * the {@code java.time} value types, and records whose every component is one of these (recursively).
 * Anything else — a record with a {@code List}, an array or a class component, any plain class — is not:
 * each read decodes its own copy.
 */
final class ImmutableTypes {

    private static final Set<Class<?>> VALUES = Set.of(
            String.class,
            Boolean.class,
            Character.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            BigDecimal.class,
            BigInteger.class,
            UUID.class,
            Instant.class,
            LocalDate.class,
            LocalTime.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            OffsetTime.class,
            ZonedDateTime.class,
            ZoneId.class,
            Duration.class,
            Period.class,
            Year.class,
            YearMonth.class,
            MonthDay.class);

    private static final ClassValue<Boolean> VERDICTS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isDeeplyImmutable(type, new HashSet<>());
        }
    };

    private ImmutableTypes() {}

    /** True if every instance of {@code type} is a deeply immutable value. */
    static boolean isDeeplyImmutable(Class<?> type) {
        return VERDICTS.get(type);
    }

    private static boolean isDeeplyImmutable(Class<?> type, Set<Class<?>> visiting) {
        if (type.isPrimitive() || type.isEnum() || VALUES.contains(type) || ZoneId.class.isAssignableFrom(type)) {
            return true;
        }
        if (!type.isRecord()) {
            return false;
        }
        if (!visiting.add(type)) {
            return true; // a record that contains itself: decided by its other components
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (!isDeeplyImmutable(component.getType(), visiting)) {
                return false;
            }
        }
        return true;
    }
}
