package io.streamdingo.demo.bank;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.demo.bank.BankEvents.AccountOpened;
import io.streamdingo.demo.bank.BankEvents.MoneyDeposited;
import io.streamdingo.demo.bank.BankEvents.MoneyWithdrawn;
import io.streamdingo.demo.bank.BankEvents.NoteAdded;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An account's state, rebuilt from its events by a pure fold.
 *
 * @param id the account id
 * @param owner who holds it
 * @param currency its currency
 * @param balance what is on it
 * @param version the stream version the state was built from
 */
public record Account(String id, String owner, String currency, BigDecimal balance, long version) {

    /** The account of {@code events}; empty if there are none. */
    static Optional<Account> replay(String id, Stream<RecordedEvent> events) {
        Account state = null;
        for (RecordedEvent event : (Iterable<RecordedEvent>) events::iterator) {
            state = apply(id, state, event);
        }
        return Optional.ofNullable(state);
    }

    private static Account apply(String id, Account state, RecordedEvent event) {
        long version = event.streamVersion();
        Object payload = event.payload();
        if (payload instanceof AccountOpened opened) {
            return new Account(id, opened.owner(), opened.currency(), BigDecimal.ZERO, version);
        }
        if (payload instanceof MoneyDeposited deposit) {
            return state.moved(deposit.amount(), version);
        }
        if (payload instanceof MoneyWithdrawn withdrawal) {
            return state.moved(withdrawal.amount().negate(), version);
        }
        if (payload instanceof NoteAdded) {
            return state.moved(BigDecimal.ZERO, version);
        }
        throw new IllegalStateException("account " + id + " holds an unexpected " + event.eventType());
    }

    private Account moved(BigDecimal amount, long newVersion) {
        return new Account(id, owner, currency, balance.add(amount), newVersion);
    }
}
