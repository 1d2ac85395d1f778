package io.streamdingo.demo.bank;

import io.streamdingo.api.EventType;
import io.streamdingo.api.privacy.DataSubject;
import io.streamdingo.api.privacy.PersonalData;
import java.math.BigDecimal;

/**
 * The bank's events. Nothing registers them in code: StreamDingo's annotation processor (on this module's
 * processor path) lists every {@code @EventType} class in the event-type index, and the injected store
 * registers what the index lists.
 */
public final class BankEvents {

    private BankEvents() {}

    /**
     * An account was opened for {@code owner} in {@code currency}. The owner's name is personal data, stored
     * encrypted with the key of the data subject {@code accountId} (each account's holder is a subject of its
     * own); forgetting the subject leaves the account, its balance and its history, and reads the name as null.
     */
    @EventType(name = "bank.AccountOpened")
    public record AccountOpened(@DataSubject String accountId, @PersonalData String owner, String currency) {}

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
}
