package io.streamdingo.demo.bank;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.Workflow;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.demo.bank.BankEvents.AccountOpened;
import io.streamdingo.demo.bank.BankEvents.MoneyDeposited;
import io.streamdingo.demo.bank.BankEvents.MoneyWithdrawn;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The bank's commands, as an EJB with the event store and the replay engine injected: load the account
 * (from its newest valid snapshot and the events after it), decide,
 * append with the loaded version as the expected one, so a concurrent change fails instead of being lost.
 */
@Stateless
public class AccountService {

    static final String CATEGORY = "account";

    @Inject
    EventStore store;

    @Inject
    ReplayEngine replay;

    @Resource(lookup = "jms/streamdingo")
    ConnectionFactory connections;

    @Resource(lookup = "jms/transferNotices")
    Queue transferNotices;

    public Account open(String owner, String currency) {
        String id = UUID.randomUUID().toString();
        store.append(stream(id), ExpectedVersion.noStream(), NewEvent.of(new AccountOpened(id, owner, currency)));
        return load(id);
    }

    public Account deposit(String id, BigDecimal amount) {
        Account account = load(id);
        store.append(stream(id), ExpectedVersion.exact(account.version()), NewEvent.of(new MoneyDeposited(amount)));
        return load(id);
    }

    public Account withdraw(String id, BigDecimal amount) {
        Account account = load(id);
        if (account.balance().compareTo(amount) < 0) {
            throw new InsufficientFundsException(id, account.balance(), amount);
        }
        store.append(stream(id), ExpectedVersion.exact(account.version()), NewEvent.of(new MoneyWithdrawn(amount)));
        return load(id);
    }

    /**
     * Moves money between two accounts as one workflow (WF-1): a new transfer id is the correlation id of
     * every event the transfer causes, on both accounts and in the receiver's notice; all of it commits in
     * one container transaction, or, if anything fails (an unknown target, too little money), none of it is
     * ever visible.
     *
     * @return the transfer id
     */
    public String transfer(String fromId, String toId, BigDecimal amount) {
        if (fromId.equals(toId)) {
            throw new InvalidRequestException("a transfer needs two different accounts; " + toId + " is both");
        }
        Workflow workflow = Workflow.start("transfer");
        String transferId = workflow.id();
        Account from = load(fromId);
        if (from.balance().compareTo(amount) < 0) {
            throw new InsufficientFundsException(fromId, from.balance(), amount);
        }
        store.append(stream(fromId), ExpectedVersion.exact(from.version()), workflow.event(new MoneyWithdrawn(amount)));
        notifyReceiver(transferId, fromId, toId, amount);
        Account to = load(toId);
        store.append(stream(toId), ExpectedVersion.exact(to.version()), workflow.event(new MoneyDeposited(amount)));
        return transferId;
    }

    /** Sent in the transfer's transaction: delivered only if it commits. */
    private void notifyReceiver(String transferId, String fromId, String toId, BigDecimal amount) {
        try (JMSContext jms = connections.createContext()) {
            jms.createProducer()
                    .setJMSCorrelationID(transferId)
                    .setProperty("from", fromId)
                    .setProperty("to", toId)
                    .setProperty("amount", amount.toPlainString())
                    .send(transferNotices, "transfer");
        }
    }

    /**
     * Appends a deposit expecting {@code version}: the way to see optimistic concurrency through an EJB.
     *
     * @throws io.streamdingo.api.WrongExpectedVersionException if the account moved on
     */
    public Account depositAt(String id, long version, BigDecimal amount) {
        load(id);
        store.append(stream(id), ExpectedVersion.exact(version), NewEvent.of(new MoneyDeposited(amount)));
        return load(id);
    }

    public Account load(String id) {
        return find(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    Optional<Account> find(String id) {
        return Account.of(id, replay.load(AccountHandlers.ACCOUNTS, stream(id)));
    }

    /** The account's stream; an id no stream can have is the client's bad input. */
    static StreamId stream(String id) {
        try {
            return StreamId.of(CATEGORY, id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
