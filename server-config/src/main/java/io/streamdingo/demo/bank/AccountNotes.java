package io.streamdingo.demo.bank;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.demo.bank.BankEvents.NoteAdded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Notes on an account, written by a plain CDI bean (no EJB): the append runs in a transaction of the
 * store's own. A note does not depend on the account's state, so it expects any version.
 */
@ApplicationScoped
public class AccountNotes {

    @Inject
    EventStore store;

    public void annotate(String accountId, String text) {
        if (store.currentVersion(AccountService.stream(accountId)) == 0) {
            throw new AccountNotFoundException(accountId);
        }
        store.append(AccountService.stream(accountId), ExpectedVersion.any(), NewEvent.of(new NoteAdded(text)));
    }
}
