package io.streamdingo.store.jpa;

import io.streamdingo.api.StreamId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The last version and chain link this process wrote to each recently written stream, so that the next append
 * to it can move the head with one conditional update instead of locking and reading it first. Only a hint:
 * the update names the version and link it expects, and when another process (or a rolled-back transaction)
 * moved the head it matches nothing and the append takes the locking path. Bounded, least recently used out.
 */
final class KnownHeads {

    /** A stream's version, last link and newest event's position as this process last wrote them. */
    record Head(long version, String lastHash, long lastPosition) {}

    private final Map<StreamId, Head> heads;

    KnownHeads(int capacity) {
        this.heads = new LinkedHashMap<>(Math.min(capacity, 1_024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<StreamId, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized @Nullable Head get(StreamId streamId) {
        return heads.get(streamId);
    }

    synchronized void wrote(StreamId streamId, long version, String lastHash, long lastPosition) {
        heads.put(streamId, new Head(version, lastHash, lastPosition));
    }

    synchronized void forget(StreamId streamId) {
        heads.remove(streamId);
    }
}
