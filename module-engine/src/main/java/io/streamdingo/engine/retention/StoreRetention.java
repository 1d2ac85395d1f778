package io.streamdingo.engine.retention;

import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.streams.Retention;
import io.streamdingo.api.streams.RetentionTask;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.store.DefaultEventStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The retention task over a store built by the engine: per stream, the first version to keep is the latest
 * of what each limit allows (count, age, payload bytes), and everything before it is truncated.
 */
public final class StoreRetention implements RetentionTask {

    private static final System.Logger LOG = System.getLogger(StoreRetention.class.getName());

    private final DefaultEventStore store;
    private final Topology topology;
    private final Clock clock;

    public StoreRetention(DefaultEventStore store, Topology topology, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RetentionReport run() {
        long checked = 0;
        long truncated = 0;
        long deleted = 0;
        Instant now = clock.instant();
        for (StreamDefinition definition : topology.streams()) {
            if (definition.type() != StreamType.PERSISTENT
                    || definition.retention().isUnlimited()) {
                continue;
            }
            List<StreamInfo> streams;
            try (Stream<StreamInfo> listed = store.listStreams(definition.category())) {
                streams = listed.toList();
            }
            for (StreamInfo stream : streams) {
                checked++;
                long keepFrom = firstToKeep(stream, definition.retention(), now);
                if (keepFrom > stream.firstVisibleVersion()) {
                    long removed = store.truncateBefore(stream.streamId(), keepFrom);
                    if (removed > 0) {
                        truncated++;
                        deleted += removed;
                    }
                }
            }
        }
        long streamsTruncated = truncated;
        long eventsDeleted = deleted;
        LOG.log(
                Level.DEBUG,
                () -> "retention deleted " + eventsDeleted + " event(s) of " + streamsTruncated + " stream(s)");
        return new RetentionReport(checked, truncated, deleted);
    }

    private long firstToKeep(StreamInfo stream, Retention retention, Instant now) {
        long first = stream.firstVisibleVersion();
        long current = stream.currentVersion();
        long keepFrom = first;
        if (retention.maxEvents() > 0) {
            keepFrom = Math.max(keepFrom, current - retention.maxEvents() + 1);
        }
        if (retention.maxAge() == null && retention.maxBytes() == 0) {
            return keepFrom;
        }
        Instant oldestKept = retention.maxAge() == null ? null : now.minus(retention.maxAge());
        long firstYoung = current + 1;
        // one pass, keeping only payload sizes (not events) for the size limit
        long[] sizes = retention.maxBytes() > 0 ? new long[(int) (current - first + 1)] : null;
        try (Stream<StoredEvent> events = store.storedEvents(stream.streamId(), first, current)) {
            for (Iterator<StoredEvent> it = events.iterator(); it.hasNext(); ) {
                StoredEvent event = it.next();
                if (firstYoung > current
                        && oldestKept != null
                        && !event.recordedAt().isBefore(oldestKept)) {
                    firstYoung = event.streamVersion();
                }
                if (sizes == null) {
                    if (oldestKept == null || firstYoung <= current) {
                        break; // the age limit is decided and no size is needed
                    }
                } else {
                    sizes[(int) (event.streamVersion() - first)] = event.payload().length;
                }
            }
        }
        if (oldestKept != null) {
            keepFrom = Math.max(keepFrom, firstYoung);
        }
        if (sizes != null) {
            long bytes = 0;
            long firstFitting = current + 1;
            for (int i = sizes.length - 1; i >= 0; i--) {
                bytes += sizes[i];
                if (bytes > retention.maxBytes()) {
                    break;
                }
                firstFitting = first + i;
            }
            keepFrom = Math.max(keepFrom, firstFitting);
        }
        return keepFrom;
    }
}
