package io.streamdingo.demo.bank;

import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.demo.bank.BankEvents.AccountOpened;
import io.streamdingo.demo.bank.BankEvents.MoneyDeposited;
import io.streamdingo.demo.bank.BankEvents.MoneyWithdrawn;
import java.math.BigDecimal;

/**
 * The account's pure event handlers (SN-1). Notes and transfer notices change no balance and have no
 * handler. Fingerprinted at compile time by StreamDingo's annotation processor (see this module's POM), so
 * a change here makes the replay engine stop trusting the snapshots it affects.
 */
public final class AccountHandlers {

    /** Accounts, snapshotted every 100 events (the default policy) in the event store's database. */
    public static final AggregateType<AccountState> ACCOUNTS =
            AggregateType.of(AccountService.CATEGORY, AccountState.class, AccountHandlers.class);

    private AccountHandlers() {}

    @InitialState
    static AccountState unopened() {
        return AccountState.UNOPENED;
    }

    @EventHandler
    static AccountState opened(AccountState account, AccountOpened event) {
        return new AccountState(event.owner(), event.currency(), BigDecimal.ZERO);
    }

    @EventHandler
    static AccountState deposited(AccountState account, MoneyDeposited event) {
        return account.plus(event.amount());
    }

    @EventHandler
    static AccountState withdrawn(AccountState account, MoneyWithdrawn event) {
        return account.plus(event.amount().negate());
    }
}
