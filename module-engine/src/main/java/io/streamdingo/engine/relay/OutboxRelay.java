package io.streamdingo.engine.relay;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamLockedException;
import io.streamdingo.api.StreamSession;
import io.streamdingo.api.spi.EventPublisher;
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
 * the JPA store), renewed on every run and expiring if the server dies.
 */
public final class OutboxRelay {

    /** The offset-store subscription name under which the relay keeps its positions, one per category. */
    public static final String POSITIONS = "streamdingo-relay";

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final String LEASE_CATEGORY = "streamdingo_relay";

    private final DefaultEventStore store;
    private final List<String> categories = new ArrayList<>();
    private final EventPublisher publisher;
    private final OffsetStore offsets;
    private final int batchSize;
    private final Duration leaseTimeout;
    private final java.util.Map<String, StreamSession> leases = new java.util.HashMap<>();

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
     * Publishes what was appended since the last run, for every category this relay holds the lease of.
     *
     * @return how many events were published
     * @throws RuntimeException if the publisher fails; positions of confirmed batches are kept
     */
    public synchronized long publishPending() {
        long published = 0;
        for (String category : categories) {
            if (holdsLease(category)) {
                published += publish(category);
            }
        }
        return published;
    }

    private long publish(String category) {
        long position = offsets.load(POSITIONS, category).orElse(0);
        long published = 0;
        try (Stream<StoredEvent> events = store.storedCategory(category, position)) {
            Iterator<StoredEvent> it = events.iterator();
            List<StoredEvent> batch = new ArrayList<>(batchSize);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == batchSize || !it.hasNext()) {
                    publisher.publish(category, List.copyOf(batch));
                    position = batch.get(batch.size() - 1).globalPosition();
                    offsets.save(POSITIONS, category, position);
                    published += batch.size();
                    batch.clear();
                }
            }
        }
        return published;
    }

    /** Takes or renews this relay's lease on {@code category}; false if another relay holds it. */
    private boolean holdsLease(String category) {
        StreamSession lease = leases.get(category);
        if (lease != null) {
            try {
                lease.renew();
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

    /** Gives up the leases, so another relay takes over at once. */
    public synchronized void stop() {
        leases.values().forEach(StreamSession::close);
        leases.clear();
    }
}
