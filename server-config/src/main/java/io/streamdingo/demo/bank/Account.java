package io.streamdingo.demo.bank;

import io.streamdingo.api.replay.LoadedState;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * An account as the bank's API shows it: its state, rebuilt by the replay engine through
 * {@link AccountHandlers}, with its id and the version it was loaded at.
 *
 * @param id the account id
 * @param owner who holds it
 * @param currency its currency
 * @param balance what is on it
 * @param version the stream version the state was built from
 */
public record Account(String id, String owner, String currency, BigDecimal balance, long version) {

    /** The account as the replay engine loaded it; empty if it was never opened. */
    static Optional<Account> of(String id, LoadedState<AccountState> loaded) {
        AccountState state = loaded.state();
        if (!state.isOpen()) {
            return Optional.empty();
        }
        return Optional.of(new Account(id, state.owner(), state.currency(), state.balance(), loaded.version()));
    }
}
