package io.streamdingo.tck.replay;

import io.streamdingo.api.replay.EventHandler;
import io.streamdingo.api.replay.InitialState;
import io.streamdingo.tck.events.AccountEvents.AccountOpened;
import io.streamdingo.tck.events.AccountEvents.CoOwnerAdded;
import io.streamdingo.tck.events.AccountEvents.Deposited;
import java.util.ArrayList;
import java.util.List;

/** The account's handlers: they copy the owners' names into the state, so its snapshots hold personal data. */
public final class AccountHandlers {

    private AccountHandlers() {}

    @InitialState
    public static AccountState initial() {
        return AccountState.EMPTY;
    }

    @EventHandler
    public static AccountState opened(AccountState account, AccountOpened event) {
        return new AccountState(event.ownerName(), account.coOwners(), account.balance() + event.limit());
    }

    @EventHandler
    public static AccountState coOwnerAdded(AccountState account, CoOwnerAdded event) {
        List<String> coOwners = new ArrayList<>(account.coOwners());
        coOwners.add(event.name());
        return new AccountState(account.owner(), coOwners, account.balance());
    }

    @EventHandler
    public static AccountState deposited(AccountState account, Deposited event) {
        return new AccountState(account.owner(), account.coOwners(), account.balance() + event.amount());
    }
}
