package io.streamdingo.engine.memory;

import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.StoredSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The reference {@link SnapshotStore}: snapshots in memory, per stream, under a lock per stream. Nothing
 * survives the JVM.
 */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final Map<StreamId, Map<String, NavigableMap<Long, StoredSnapshot>>> streams = new ConcurrentHashMap<>();

    @Override
    public void save(StoredSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot must not be null");
        Map<String, NavigableMap<Long, StoredSnapshot>> types =
                streams.computeIfAbsent(snapshot.streamId(), s -> new ConcurrentHashMap<>());
        NavigableMap<Long, StoredSnapshot> versions = types.computeIfAbsent(snapshot.stateType(), t -> new TreeMap<>());
        synchronized (versions) {
            versions.put(snapshot.version(), copy(snapshot));
        }
    }

    @Override
    public List<StoredSnapshot> list(StreamId streamId, String stateType) {
        NavigableMap<Long, StoredSnapshot> versions = versions(streamId, stateType);
        if (versions == null) {
            return List.of();
        }
        synchronized (versions) {
            List<StoredSnapshot> newestFirst = new ArrayList<>(versions.size());
            for (StoredSnapshot snapshot : versions.descendingMap().values()) {
                newestFirst.add(copy(snapshot));
            }
            return newestFirst;
        }
    }

    @Override
    public void delete(StreamId streamId, String stateType, long version) {
        NavigableMap<Long, StoredSnapshot> versions = versions(streamId, stateType);
        if (versions != null) {
            synchronized (versions) {
                versions.remove(version);
            }
        }
    }

    @Override
    public int keepLatest(StreamId streamId, String stateType, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot keep " + count + " snapshots; keep 0 or more");
        }
        NavigableMap<Long, StoredSnapshot> versions = versions(streamId, stateType);
        if (versions == null) {
            return 0;
        }
        synchronized (versions) {
            int removed = 0;
            while (versions.size() > count) {
                versions.pollFirstEntry();
                removed++;
            }
            return removed;
        }
    }

    @Override
    public int clear(StreamId streamId) {
        Map<String, NavigableMap<Long, StoredSnapshot>> types = streams.remove(streamId);
        if (types == null) {
            return 0;
        }
        return types.values().stream().mapToInt(Map::size).sum();
    }

    private @Nullable NavigableMap<Long, StoredSnapshot> versions(StreamId streamId, String stateType) {
        Map<String, NavigableMap<Long, StoredSnapshot>> types = streams.get(streamId);
        return types == null ? null : types.get(stateType);
    }

    /** Callers own the arrays they pass and get: a copy keeps stored state safe from later changes. */
    private static StoredSnapshot copy(StoredSnapshot snapshot) {
        return new StoredSnapshot(
                snapshot.streamId(),
                snapshot.stateType(),
                snapshot.version(),
                snapshot.state().clone(),
                snapshot.stateHash(),
                snapshot.contributors(),
                snapshot.createdAt());
    }
}
