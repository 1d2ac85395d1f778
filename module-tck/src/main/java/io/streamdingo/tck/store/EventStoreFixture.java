package io.streamdingo.tck.store;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.engine.EventStoreBuilder;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.AccountEvents;
import io.streamdingo.tck.events.CartCheckedOut;
import io.streamdingo.tck.events.CartEvents;
import io.streamdingo.tck.events.PriceEvents;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh event store over the backend under test for every test, with the kit's event types registered,
 * a hand-moved clock, and stream ids and categories of its own. {@link EventStoreContract} runs the whole
 * contract on it; extend this class directly to run single contracts, for example a race test repeated.
 *
 * <p>Each test gets a new store over a new backend from {@link #newBackend()}, and the store closes the
 * backend after the test. Backends over a shared database may return views of the same data every time:
 * every test writes only to stream ids and categories of its own, and reads the global order only from the
 * head position it saw at its start.
 */
public abstract class EventStoreFixture implements ContractFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private TestClock clock;
    private RecordingBackend backend;
    private EventStore store;
    private StoreTampering tampering;
    private SnapshotStore snapshots;
    private ReplayEngine replay;
    private SubjectKeyStore keys;

    /** The backend under test, new for every test. */
    protected abstract EventStoreBackend newBackend();

    /**
     * Tampering that changes the storage of {@code backend} directly, for backends that have storage to reach
     * (SQL on the tables); empty to use the kit's {@link TamperingBackend}.
     */
    protected Optional<StoreTampering> storageTampering(EventStoreBackend backend) {
        return Optional.empty();
    }

    /**
     * The key store for the data subjects' keys, new for every test; by default the in-memory reference. A store
     * over a shared database may return views of the same keys: the tests use subjects of their own.
     */
    protected SubjectKeyStore newSubjectKeyStore() {
        return EventStores.inMemorySubjectKeyStore();
    }

    /** The snapshot store under test, new for every test; by default the in-memory reference. */
    protected SnapshotStore newSnapshotStore() {
        return EventStores.inMemorySnapshotStore();
    }

    @BeforeEach
    final void openStore() {
        // Starts at a whole second plus nanoseconds, to show that timestamps are kept at microseconds.
        clock = new TestClock(Instant.now().plusNanos(123_456_789L));
        EventStoreBackend tested = newBackend();
        TamperingBackend tamperable = new TamperingBackend(tested);
        tampering = storageTampering(tested).orElse(tamperable);
        backend = new RecordingBackend(tamperable);
        keys = newSubjectKeyStore();
        StoreEngine engine = configured().nodeName("node-a").buildEngine();
        store = engine.store();
        snapshots = newSnapshotStore();
        replay = EventStores.replayEngine(engine, snapshots);
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private EventStoreBuilder configured() {
        return EventStores.builder()
                .backend(backend)
                .clock(clock)
                .pageSize(PAGE_SIZE)
                .subjectKeys(keys)
                .register(
                        AccountEvents.AccountOpened.class,
                        AccountEvents.CoOwnerAdded.class,
                        AccountEvents.Deposited.class,
                        CartEvents.ItemAdded.class,
                        CartEvents.ItemRemoved.class,
                        CartEvents.NoteAdded.class,
                        CartCheckedOut.class,
                        PriceEvents.PriceSetV1.class,
                        PriceEvents.PriceSetV2.class,
                        PriceEvents.PriceSet.class,
                        PriceEvents.ContactChangedV1.class,
                        PriceEvents.EmailChanged.class,
                        PriceEvents.PhoneChanged.class,
                        PriceEvents.LegacyPing.class)
                .upcaster(PriceEvents.V2_TO_V3)
                .upcaster(PriceEvents.SPLIT_CONTACT)
                .upcaster(PriceEvents.DROP_PING);
    }

    @Override
    public EventStore store() {
        return store;
    }

    @Override
    public RecordingBackend backend() {
        return backend;
    }

    @Override
    public StoreTampering tampering() {
        return tampering;
    }

    @Override
    public SnapshotStore snapshotStore() {
        return snapshots;
    }

    @Override
    public ReplayEngine replay() {
        return replay;
    }

    @Override
    public SubjectKeyStore subjectKeys() {
        return keys;
    }

    @Override
    public TestClock clock() {
        return clock;
    }

    /** Not closed by the suite: closing it would close the shared backend under the main store. */
    @Override
    public EventStore anotherNode(String nodeName) {
        EventStore other = configured().nodeName(nodeName).build();
        return other;
    }

    @Override
    public StreamId newStreamId() {
        return StreamId.of("tck", run + "-" + SEQUENCE.incrementAndGet());
    }

    @Override
    public String newCategory() {
        return "tck_" + run + "_" + SEQUENCE.incrementAndGet();
    }
}
