package io.streamdingo.demo.bank;

import io.streamdingo.api.EventType;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.engine.EventStoreCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** The bank's events, and their registration with the injected event store. */
@ApplicationScoped
public class BankEvents implements EventStoreCustomizer {

    /** An account was opened for {@code owner} in {@code currency}. */
    @EventType(name = "bank.AccountOpened")
    public record AccountOpened(String owner, String currency) {}

    /** Money came in. */
    @EventType(name = "bank.MoneyDeposited")
    public record MoneyDeposited(BigDecimal amount) {}

    /** Money went out. */
    @EventType(name = "bank.MoneyWithdrawn")
    public record MoneyWithdrawn(BigDecimal amount) {}

    /** The receiving side was told of a transfer (recorded by the notice MDB). */
    @EventType(name = "bank.TransferNoticed")
    public record TransferNoticed(String from, BigDecimal amount) {}

    /** A free-text note on an account; changes no balance. */
    @EventType(name = "bank.NoteAdded")
    public record NoteAdded(String text) {}

    @Override
    public void customize(EventStoreBuilder builder) {
        builder.register(
                AccountOpened.class,
                MoneyDeposited.class,
                MoneyWithdrawn.class,
                TransferNoticed.class,
                NoteAdded.class);
    }
}
