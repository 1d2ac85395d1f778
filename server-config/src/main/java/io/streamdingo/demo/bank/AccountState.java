package io.streamdingo.demo.bank;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What an account's events add up to, as the replay engine rebuilds and snapshots it.
 *
 * @param owner who opened it; null before it is opened, and once the owner was forgotten
 * @param currency its currency; null before it is opened
 * @param balance its balance
 */
public record AccountState(@Nullable String owner, @Nullable String currency, BigDecimal balance) {

    /** An account before its first event. */
    static final AccountState UNOPENED = new AccountState(null, null, BigDecimal.ZERO);

    boolean isOpen() {
        return currency != null; // not the owner: a forgotten owner's name reads as null
    }

    AccountState plus(BigDecimal amount) {
        return new AccountState(owner, currency, balance.add(amount));
    }
}
