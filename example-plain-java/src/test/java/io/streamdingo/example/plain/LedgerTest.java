package io.streamdingo.example.plain;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamdingo.engine.EventStores;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The application, its engine and its store module all named modules on the module path: the JPA store is
 * found through {@code ServiceLoader} ({@code uses} in the engine, {@code provides} in the store), the event
 * type through the compile-time index; no code names either.
 */
class LedgerTest {

    /** A database of this test's own. */
    private final Map<String, String> database = Map.of(
            "streamdingo.store.jpa.url", "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "streamdingo.store.jpa.user", "sa",
            "streamdingo.store.jpa.password", "");

    private Ledger ledger(Map<String, String> settings) {
        return new Ledger(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void theApplicationTheEngineAndTheStoreAreNamedModules() {
        assertThat(Ledger.class.getModule().getName()).isEqualTo("io.streamdingo.example.plain");
        assertThat(EventStores.class.getModule().getName()).isEqualTo("io.streamdingo.engine");
        assertThat(ModuleLayer.boot().findModule("io.streamdingo.store.jpa")).isPresent();
    }

    @Test
    void depositsAreKeptInTheConfiguredDatabaseAcrossStores() {
        try (Ledger first = ledger(database)) {
            first.deposit("acct-1", 250);
        }

        try (Ledger second = ledger(database)) {
            second.deposit("acct-1", 100);

            assertThat(second.balance("acct-1")).isEqualTo(350);
        }
    }

    @Test
    void withoutTheStoresConfigurationDepositsStayInMemory() {
        try (Ledger first = ledger(Map.of())) {
            first.deposit("acct-1", 250);
        }

        try (Ledger second = ledger(Map.of())) {
            assertThat(second.balance("acct-1")).isZero();
        }
    }
}
