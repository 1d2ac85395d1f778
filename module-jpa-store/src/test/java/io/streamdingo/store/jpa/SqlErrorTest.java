package io.streamdingo.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database failures the store treats as a concurrent writer's key, which as worth another attempt. */
class SqlErrorTest {

    private static SqlError of(String state, int code) {
        return SqlError.of(new PersistenceException("wrapped", new SQLException("failed", state, code)));
    }

    @Test
    void uniqueViolationsAreRecognisedOnEachDatabase() {
        assertThat(of("23505", 0).isUniqueViolation()).as("PostgreSQL, H2").isTrue();
        assertThat(of("23000", 1062).isUniqueViolation())
                .as("MariaDB duplicate entry")
                .isTrue();
        assertThat(of("23000", 1586).isUniqueViolation())
                .as("MariaDB duplicate entry with key")
                .isTrue();
    }

    @Test
    void notNullForeignKeyAndCheckViolationsAreNotUniqueViolations() {
        assertThat(of("23502", 0).isUniqueViolation()).as("NOT NULL").isFalse();
        assertThat(of("23503", 0).isUniqueViolation()).as("foreign key").isFalse();
        assertThat(of("23514", 0).isUniqueViolation()).as("CHECK").isFalse();
        assertThat(of("23000", 1048).isUniqueViolation())
                .as("MariaDB column cannot be null")
                .isFalse();
        assertThat(of("23000", 1452).isUniqueViolation())
                .as("MariaDB foreign key")
                .isFalse();
    }

    @Test
    void deadlocksSerializationFailuresAndLockTimeoutsAreTransient() {
        assertThat(of("40001", 0).isTransient()).as("serialization failure").isTrue();
        assertThat(of("40P01", 0).isTransient()).as("PostgreSQL deadlock").isTrue();
        assertThat(of("55P03", 0).isTransient())
                .as("PostgreSQL lock not available")
                .isTrue();
        assertThat(of("HYT00", 50200).isTransient()).as("H2 lock timeout").isTrue();
        assertThat(of("HY000", 1205).isTransient())
                .as("MariaDB lock wait timeout")
                .isTrue();
        assertThat(of("40001", 1213).isTransient()).as("MariaDB deadlock").isTrue();
    }

    @Test
    void connectionLossAndConstraintViolationsAreNotTransient() {
        assertThat(of("08006", 0).isTransient()).isFalse();
        assertThat(of("23505", 0).isTransient()).isFalse();
        assertThat(SqlError.of(new IllegalStateException("no SQL cause")).state())
                .isNull();
    }
}
