package io.streamdingo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamRange;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.api.replay.LoadedState;
import io.streamdingo.api.replay.ReplayDecision;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.replay.SnapshotInfo;
import io.streamdingo.demo.bank.Account;
import io.streamdingo.demo.bank.AccountHandlers;
import io.streamdingo.demo.bank.AccountNotFoundException;
import io.streamdingo.demo.bank.AccountNotes;
import io.streamdingo.demo.bank.AccountService;
import io.streamdingo.demo.bank.AccountState;
import io.streamdingo.demo.bank.BankEvents.MoneyDeposited;
import io.streamdingo.demo.bank.BankEvents.NoteAdded;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside Open Liberty: {@code @Inject EventStore} and the demo's EJB, over the JPA store on H2. */
@ExtendWith(ArquillianExtension.class)
class EventStoreInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return DemoDeployment.with(EventStoreInContainerIT.class, "in-container");
    }

    @Inject
    EventStore store;

    @Inject
    AccountService accounts;

    @Inject
    AccountNotes notes;

    @Inject
    ReplayEngine replay;

    @Inject
    ConnectionFactory connections;

    @Test
    void aPlainCdiBeanAppendsThroughTheInjectedStore() {
        Account account = accounts.open("Ada", "EUR");

        notes.annotate(account.id(), "prefers paper statements");

        List<RecordedEvent> events =
                store.read(StreamId.of("account", account.id())).toList();
        assertEquals(new NoteAdded("prefers paper statements"), events.get(1).payload());
        assertEquals(2, accounts.load(account.id()).version());
    }

    @Test
    void anInjectedStoreAppendsAndReadsBack() {
        StreamId stream = StreamId.of("account", "it-" + UUID.randomUUID());

        store.append(stream, ExpectedVersion.noStream(), NewEvent.of(new MoneyDeposited(new BigDecimal("12.50"))));

        List<RecordedEvent> events = store.read(stream).toList();
        assertEquals(1, events.size());
        assertEquals(new MoneyDeposited(new BigDecimal("12.50")), events.get(0).payload());
        assertEquals(1, store.currentVersion(stream));
    }

    @Test
    void aTransferAppendsToBothAccountsInOneTransaction() {
        Account from = fundedAccount();
        Account to = accounts.open("Grace", "EUR");

        accounts.transfer(from.id(), to.id(), new BigDecimal("20"));

        assertEquals(new BigDecimal("30"), accounts.load(from.id()).balance());
        assertEquals(new BigDecimal("20"), accounts.load(to.id()).balance());
    }

    @Test
    void everyEventOfATransferCarriesItsWorkflowIdAsCorrelationId() throws InterruptedException {
        Account from = fundedAccount();
        Account to = accounts.open("Grace", "EUR");

        String transferId = accounts.transfer(from.id(), to.id(), new BigDecimal("20"));

        StreamId notices = StreamId.of("notice", to.id());
        assertTrue(eventually(() -> store.currentVersion(notices) == 1));
        List<RecordedEvent> caused =
                List.of(last(StreamId.of("account", from.id())), last(StreamId.of("account", to.id())), last(notices));
        for (RecordedEvent event : caused) {
            assertEquals(transferId, event.metadata().correlationId(), event.toString());
        }
    }

    private RecordedEvent last(StreamId stream) {
        return store.read(stream, StreamRange.backwards()).findFirst().orElseThrow();
    }

    @Test
    void aTransferThatFailsLeavesNoEventBehind() {
        Account from = fundedAccount();
        long before = store.currentVersion(StreamId.of("account", from.id()));

        assertThrows(
                AccountNotFoundException.class,
                () -> accounts.transfer(from.id(), "no-such-account", new BigDecimal("20")));

        assertEquals(before, store.currentVersion(StreamId.of("account", from.id())));
        assertEquals(new BigDecimal("50"), accounts.load(from.id()).balance());
    }

    @Test
    void aTransferNoticeReachesTheMdbAfterTheTransferCommits() throws InterruptedException {
        Account from = fundedAccount();
        Account to = accounts.open("Grace", "EUR");

        accounts.transfer(from.id(), to.id(), new BigDecimal("20"));

        assertTrue(eventually(() -> store.currentVersion(StreamId.of("notice", to.id())) == 1));
    }

    @Test
    void aTransferThatRollsBackSendsNoNotice() throws Exception {
        Account from = fundedAccount();
        String ghost = "ghost-" + UUID.randomUUID();
        long sentBefore = noticesAddedOnTheBroker();
        assertThrows(AccountNotFoundException.class, () -> accounts.transfer(from.id(), ghost, new BigDecimal("5")));

        Account to = accounts.open("Grace", "EUR");
        accounts.transfer(from.id(), to.id(), new BigDecimal("5"));
        assertTrue(eventually(() -> store.currentVersion(StreamId.of("notice", to.id())) == 1));

        // the broker counts every message that reached the queue: only the committed transfer's
        assertEquals(sentBefore + 1, noticesAddedOnTheBroker());
        assertEquals(0, store.currentVersion(StreamId.of("notice", ghost)));
    }

    /** The transfer-notice queue's {@code messagesAdded}, asked through Artemis's management address. */
    private long noticesAddedOnTheBroker() throws JMSException {
        try (JMSContext context = connections.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = context.createTemporaryQueue();
            Message request = context.createMessage();
            request.setStringProperty("_AMQ_ResourceName", "queue.bank.transfer-notices");
            request.setStringProperty("_AMQ_Attribute", "messagesAdded");
            request.setJMSReplyTo(replies);
            try (JMSConsumer answers = context.createConsumer(replies)) {
                context.createProducer().send(context.createQueue("activemq.management"), request);
                Message reply = answers.receive(10_000);
                assertTrue(reply != null && reply.getBooleanProperty("_AMQ_OperationSucceeded"), "broker answered");
                return Long.parseLong(reply.getBody(String.class).replaceAll("[^0-9]", ""));
            }
        }
    }

    /** An account holding 50 EUR. */
    private Account fundedAccount() {
        Account account = accounts.open("Ada", "EUR");
        return accounts.deposit(account.id(), new BigDecimal("50"));
    }

    /** Waits up to 15 s for {@code condition}: the MDB works on its own thread. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aLongAccountIsLoadedFromASnapshotKeptInTheDatabase() {
        String id = accounts.open("Snap", "EUR").id();
        StreamId stream = AccountHandlers.ACCOUNTS.streamId(id);
        List<NewEvent> deposits = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            deposits.add(NewEvent.of(new MoneyDeposited(BigDecimal.ONE)));
        }
        store.append(stream, ExpectedVersion.exact(1), deposits);
        accounts.load(id); // a full replay; the default policy then stores a snapshot at version 121

        LoadedState<AccountState> loaded = replay.load(AccountHandlers.ACCOUNTS, stream);

        assertEquals(
                List.of(121L),
                replay.snapshots(AccountHandlers.ACCOUNTS, stream).stream()
                        .map(SnapshotInfo::version)
                        .toList());
        assertEquals(
                new ReplayDecision.FromSnapshot(121, true, loaded.decision().reason()), loaded.decision());
        assertEquals(0, new BigDecimal("120").compareTo(accounts.load(id).balance()));
        assertTrue(store.verify(stream).intact());
    }

    @Test
    void aVersionConflictReachesTheEjbCallerAsTheApiException() {
        Account opened = accounts.open("Ada", "EUR");
        accounts.deposit(opened.id(), new BigDecimal("10"));

        WrongExpectedVersionException conflict = assertThrows(
                WrongExpectedVersionException.class,
                () -> accounts.depositAt(opened.id(), opened.version(), new BigDecimal("5")));

        assertEquals(2, conflict.actualVersion());
        assertEquals(new BigDecimal("10"), accounts.load(opened.id()).balance());
    }
}
