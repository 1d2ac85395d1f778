package io.streamdingo.engine.relay;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamLockedException;
import io.streamdingo.api.StreamSession;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.store.DefaultEventStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outbox relay (JMS-1): the event store is the outbox. For every declared persistent stream category
 * it reads the stored events after its position in the global order, hands them to the
 * {@link EventPublisher} in batches, and saves the position after each batch the broker has confirmed, so a
 * restart resumes exactly there; a batch published again after a crash is dropped by the broker's duplicate
 * detection.
 *
 * <p>One relay per category is active across servers: before publishing, a relay takes an exclusive
 * session on the pseudo-stream {@code streamdingo_relay-<category>} of the event store (a database lease with
 * the JPA store), expiring if the server dies. Before every batch the relay makes sure more than half of the
 * lease is left, renewing it otherwise: a busy relay renews it about twice per lease period, not once per
 * batch (each renewal is a committed database write), and two servers would have to disagree on the time
 * by half the lease before both could publish. A relay that cannot renew it stops publishing that category
 * at once, and a position is never saved below the one stored, so a relay that lost its lease cannot move
 * another's position back.
 *
 * <p>Each run costs what is new: the category is read by the store's indexed category query from the saved
 * position, at most {@link #MAX_PER_RUN} events per category and run (a backlog is worked off over several
 * runs, so one run never outlasts a lease), and when a category has nothing new the position moves to the
 * head the run saw. A run woken by an append ({@link #wakeOnAppend}) that finds nothing to publish yet — on
 * PostgreSQL an event shows in the global order once every older transaction has ended — looks again after
 * 1, 2, 4, 8 and 16 ms instead of leaving the event to the next poll. {@link #stop()} ends a run after its
 * current batch.
 */
public final class OutboxRelay {

    /** The offset-store subscription name under which the relay keeps its positions, one per category. */
    public static final String POSITIONS = OffsetStore.RELAY;

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    /** The longest of the doubling pauses (1, 2, 4 … ms) a woken run that found nothing yet looks again after. */
    static final long MAX_SETTLE_WAIT_MILLIS = 16;

    private static final String LEASE_CATEGORY = "streamdingo_relay";

    /** The most events one run publishes per category. */
    public static final int MAX_PER_RUN = 10_000;

    private final DefaultEventStore store;
    private final List<String> categories = new ArrayList<>();
    private final EventPublisher publisher;
    private final OffsetStore offsets;
    private final int batchSize;
    private final Duration leaseTimeout;
    private final java.util.Map<String, StreamSession> leases = new java.util.HashMap<>();
    private volatile boolean stopping;
    private final List<java.util.function.Consumer<String>> wakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Set by an append of a relayed category, taken by the next run. */
    private final java.util.concurrent.atomic.AtomicBoolean wokenByAppend =
            new java.util.concurrent.atomic.AtomicBoolean();

    public OutboxRelay(
            DefaultEventStore store,
            Topology topology,
            EventPublisher publisher,
            OffsetStore offsets,
            int batchSize,
            Duration leaseTimeout) {
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        if (batchSize < 1) {
            throw new IllegalArgumentException("a relay batch holds at least 1 event; got " + batchSize);
        }
        this.batchSize = batchSize;
        this.leaseTimeout = Objects.requireNonNull(leaseTimeout, "leaseTimeout");
        for (StreamDefinition stream : topology.streams()) {
            if (stream.type() == StreamType.PERSISTENT && stream.scope() != StreamScope.EXTERNAL) {
                categories.add(stream.category());
            }
        }
    }

    /**
     * Calls {@code wake} after every committed append to a category this relay publishes (through this
     * process's store, or another process's the store learns of), so that whoever runs the relay can run it
     * at once instead of at its next poll; {@link #stop()} ends it.
     */
    public void wakeOnAppend(Runnable wake) {
        Objects.requireNonNull(wake, "wake");
        java.util.function.Consumer<String> onAppend = category -> {
            if (categories.contains(category)) {
                wokenByAppend.set(true);
                wake.run();
            }
        };
        store.onAppend(onAppend);
        wakes.add(onAppend);
    }

    /**
     * Publishes what was appended since the last run, for every category this relay holds the lease of.
     *
     * @return how many events were published
     * @throws RuntimeException if the publisher fails; positions of confirmed batches are kept
     */
    public synchronized long publishPending() {
        stopping = false;
        boolean woken = wokenByAppend.getAndSet(false);
        long published = publishEachCategory();
        // An append that woke this run may not be readable yet: on PostgreSQL an event shows in the global order
        // once every older transaction has ended, usually within milliseconds. Look again shortly rather than
        // at the next poll, a second later.
        for (long wait = 1; woken && published == 0 && wait <= MAX_SETTLE_WAIT_MILLIS && !stopping; wait *= 2) {
            if (!pause(wait)) {
                break;
            }
            published = publishEachCategory();
        }
        return published;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long publishEachCategory() {
        long published = 0;
        for (String category : categories) {
            if (!stopping && holdsLease(category)) {
                published += publish(category);
            }
        }
        return published;
    }

    private long publish(String category) {
        long stored = offsets.load(POSITIONS, category).orElse(0);
        long position = stored;
        long head = store.headPosition();
        long published = 0;
        boolean exhausted = true;
        try (Stream<StoredEvent> events = store.storedCategory(category, position)) {
            Iterator<StoredEvent> it = events.iterator();
            List<StoredEvent> batch = new ArrayList<>(batchSize);
            while (it.hasNext()) {
                if (stopping || published + batch.size() >= MAX_PER_RUN) {
                    exhausted = false;
                    break;
                }
                batch.add(it.next());
                if (batch.size() == batchSize || !it.hasNext()) {
                    if (!renewLease(category)) {
                        return published; // another relay took over: it publishes from here on
                    }
                    publishTraced(category, batch);
                    observePublished(category, batch);
                    position = batch.get(batch.size() - 1).globalPosition();
                    // The last batch of a run that read everything also covers the head it saw: one save, not two.
                    if (!it.hasNext() && head > position) {
                        position = head;
                    }
                    if (!savePosition(category, position)) {
                        return published + batch.size();
                    }
                    published += batch.size();
                    batch.clear();
                }
            }
        }
        if (exhausted && head > position) {
            // nothing of this category up to the head this run saw: the next run starts there
            savePosition(category, head);
        }
        return published;
    }

    /** Publishes {@code batch} with a publication span per event, in the trace each event carries. */
    private void publishTraced(String category, List<StoredEvent> batch) {
        List<EventTracing.TraceSpan> spans = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            spans.add(store.tracing().publishing(event));
        }
        try {
            publisher.publish(category, List.copyOf(batch));
        } catch (RuntimeException e) {
            spans.forEach(span -> span.failed(e));
            throw e;
        } finally {
            // the reverse of their start: each span was current on this thread after the one before it
            for (int i = spans.size() - 1; i >= 0; i--) {
                spans.get(i).close();
            }
        }
    }

    private void observePublished(String category, List<StoredEvent> batch) {
        java.time.Instant now = store.clockTime();
        for (StoredEvent event : batch) {
            Duration sinceRecorded = Duration.between(event.recordedAt(), now);
            store.observer().published(category, sinceRecorded.isNegative() ? Duration.ZERO : sinceRecorded);
        }
    }

    /** Saves {@code position} unless a higher one is stored (a relay that took over went further). */
    private boolean savePosition(String category, long position) {
        long stored = offsets.load(POSITIONS, category).orElse(0);
        if (stored > position) {
            LOG.log(
                    Level.WARNING,
                    "the relay of stream category {0} found its position at {1}, beyond its own {2}: another server"
                            + " relayed meanwhile; this one stops relaying the category until it holds the lease again",
                    category,
                    stored,
                    position);
            dropLease(category);
            return false;
        }
        offsets.save(POSITIONS, category, position);
        return true;
    }

    /**
     * Makes sure more than half of the lease is left before a batch, renewing it otherwise; false (and the
     * lease dropped) if it expired or another relay holds it.
     */
    private boolean renewLease(String category) {
        StreamSession lease = leases.get(category);
        try {
            renewIfHalfGone(lease);
            return true;
        } catch (RuntimeException lost) {
            LOG.log(
                    Level.WARNING,
                    "the relay lost its lease on stream category {0} during a run ({1}); it stops publishing it",
                    category,
                    lost.getMessage());
            dropLease(category);
            return false;
        }
    }

    private void renewIfHalfGone(StreamSession lease) {
        if (Duration.between(store.clockTime(), lease.expiresAt()).compareTo(leaseTimeout.dividedBy(2)) <= 0) {
            lease.renew();
        }
    }

    private void dropLease(String category) {
        StreamSession lease = leases.remove(category);
        if (lease != null) {
            try {
                lease.close();
            } catch (RuntimeException alreadyGone) {
                // expired or taken over: nothing to release
            }
        }
    }

    /** Takes or renews this relay's lease on {@code category}; false if another relay holds it. */
    private boolean holdsLease(String category) {
        StreamSession lease = leases.get(category);
        if (lease != null) {
            try {
                renewIfHalfGone(lease);
                return true;
            } catch (RuntimeException expired) {
                leases.remove(category);
            }
        }
        try {
            leases.put(category, store.openSession(StreamId.of(LEASE_CATEGORY, category), leaseTimeout));
            LOG.log(Level.INFO, "this server now relays stream category {0}", category);
            return true;
        } catch (StreamLockedException held) {
            return false;
        }
    }

    /** Ends a run in progress after its current batch, then gives up the leases, so another relay takes over. */
    public void stop() {
        stopping = true;
        wakes.forEach(store::removeAppendListener);
        synchronized (this) {
            for (String category : List.copyOf(leases.keySet())) {
                dropLease(category);
            }
        }
    }
}
