package io.streamdingo.engine.replay;

import io.streamdingo.api.IntegrityViolationException;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.replay.AggregateType;
import io.streamdingo.api.replay.LoadedState;
import io.streamdingo.api.replay.ReplayDecision;
import io.streamdingo.api.replay.ReplayEngine;
import io.streamdingo.api.replay.ReplayStatistics;
import io.streamdingo.api.replay.SnapshotCandidate;
import io.streamdingo.api.replay.SnapshotInfo;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.EngineObserver;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.SnapshotStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.StoredSnapshot;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.engine.privacy.SealedState;
import io.streamdingo.engine.store.DefaultEventStore;
import io.streamdingo.hashing.CanonicalJson;
import io.streamdingo.hashing.EventHashChain;
import io.streamdingo.hashing.HandlerFingerprints;
import io.streamdingo.hashing.StateHash;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The replay engine over a store built by the engine and any {@link SnapshotStore} (SN-1, SN-2, SN-3, HS-5).
 *
 * <p>A snapshot is used only if its state still hashes to its recorded hash (else it is deleted and
 * counted), it lies within the stream's visible events, and every handler that contributed to it (and the
 * initial state) still has the fingerprint recorded in it. Handlers that changed but never applied an event
 * before the snapshot do not disqualify it.
 */
public final class DefaultReplayEngine implements ReplayEngine {

    private static final System.Logger LOG = System.getLogger(DefaultReplayEngine.class.getName());

    private final DefaultEventStore store;
    private final SnapshotStore snapshots;
    private final HandlerFingerprints fingerprints = new HandlerFingerprints();
    private final ConcurrentMap<AggregateType<?>, StateHandlers<?>> handlers = new ConcurrentHashMap<>();
    private final ReplayCounters counters = new ReplayCounters();
    private final EventHashChain chain = new EventHashChain();

    public DefaultReplayEngine(DefaultEventStore store, SnapshotStore snapshots) {
        this.store = store;
        this.snapshots = snapshots;
    }

    @Override
    public <S> LoadedState<S> load(AggregateType<S> type, StreamId streamId) {
        StateHandlers<S> stateHandlers = handlers(type, streamId);
        Loaded<S> loaded = loadWith(type, stateHandlers, streamId);
        Progress<S> progress = loaded.progress();
        if (progress.applied > 0
                && type.snapshotPolicy()
                        .shouldSnapshot(new SnapshotCandidate(
                                streamId, progress.version, loaded.snapshotVersion(), progress.state))) {
            trySnapshot(type, stateHandlers, streamId, progress);
        }
        return loaded.state();
    }

    /** The state rebuilt and how (SN-2), without storing a snapshot. */
    private <S> Loaded<S> loadWith(AggregateType<S> type, StateHandlers<S> stateHandlers, StreamId streamId) {
        Optional<StreamInfo> info = store.streamInfo(streamId);
        if (info.isEmpty()) {
            Progress<S> empty = Progress.start(stateHandlers.initialState(), 0, Map.of());
            return new Loaded<>(
                    decided(new LoadedState<>(
                            streamId, empty.state, 0, 0, new ReplayDecision.FullReplay("the stream holds no events"))),
                    empty,
                    0);
        }
        long first = info.get().firstVisibleVersion();
        long current = info.get().currentVersion();
        SnapshotChoice<S> choice = choose(type, stateHandlers, streamId, first, current);
        Progress<S> progress = choice.snapshot() == null
                ? Progress.start(stateHandlers.initialState(), first - 1, Map.of())
                : Progress.start(choice.state(), choice.version(), choice.contributors());
        progress.keys.addAll(choice.keys());
        apply(type, stateHandlers, streamId, progress, current, null);
        progress.version = current;
        LoadedState<S> state = decided(
                new LoadedState<>(streamId, progress.state, current, progress.applied, decision(choice)),
                !choice.passedOver().isEmpty());
        return new Loaded<>(state, progress, choice.version());
    }

    @Override
    public <S> LoadedState<S> replay(AggregateType<S> type, StreamId streamId) {
        return replayUntil(type, streamId, Long.MAX_VALUE);
    }

    @Override
    public <S> LoadedState<S> replayUntil(AggregateType<S> type, StreamId streamId, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("replay until version " + version + " is invalid: versions start at 1");
        }
        return fullReplay(type, streamId, version, null, "asked for a replay of every event up to version " + version);
    }

    @Override
    public <S> LoadedState<S> replayUntil(AggregateType<S> type, StreamId streamId, Instant time) {
        Objects.requireNonNull(time, "time must not be null");
        return fullReplay(type, streamId, Long.MAX_VALUE, time, "asked for the state as of " + time);
    }

    private <S> LoadedState<S> fullReplay(
            AggregateType<S> type, StreamId streamId, long until, @Nullable Instant asOf, String reason) {
        StateHandlers<S> stateHandlers = handlers(type, streamId);
        Optional<StreamInfo> info = store.streamInfo(streamId);
        long first = info.map(StreamInfo::firstVisibleVersion).orElse(1L);
        long last = Math.min(until, info.map(StreamInfo::currentVersion).orElse(0L));
        Progress<S> progress = Progress.start(stateHandlers.initialState(), first - 1, Map.of());
        if (last >= first) {
            apply(type, stateHandlers, streamId, progress, last, asOf);
        }
        return decided(new LoadedState<>(
                streamId,
                progress.state,
                Math.max(progress.version, 0),
                progress.applied,
                new ReplayDecision.FullReplay(reason)));
    }

    @Override
    public <S> LoadedState<S> replayFrom(AggregateType<S> type, StreamId streamId, long snapshotVersion) {
        StateHandlers<S> stateHandlers = handlers(type, streamId);
        StoredSnapshot snapshot = snapshots.list(streamId, type.category()).stream()
                .filter(s -> s.version() == snapshotVersion)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("stream " + streamId + " has no " + type.category()
                        + " snapshot at version " + snapshotVersion + "; list them with snapshots(type, stream)"));
        String problem = problemWith(snapshot, stateHandlers);
        if (problem != null) {
            throw new IllegalStateException("the snapshot of " + streamId + " at version " + snapshotVersion
                    + " cannot be used: " + problem + "; use load(type, stream) to pick a valid one");
        }
        List<DataKey> keys = new ArrayList<>();
        byte[] clear = clearState(snapshot, keys);
        if (clear == null) {
            throw new IllegalStateException("the snapshot of " + streamId + " at version " + snapshotVersion
                    + " holds personal data of a forgotten data subject and can never be read; use load(type, stream)"
                    + " to rebuild the state from the events");
        }
        S state = store.serializer().deserialize(clear, type.stateType());
        long current = store.currentVersion(streamId);
        Progress<S> progress = Progress.start(state, snapshot.version(), snapshot.contributors());
        progress.keys.addAll(keys);
        apply(type, stateHandlers, streamId, progress, current, null);
        return decided(new LoadedState<>(
                streamId,
                progress.state,
                current,
                progress.applied,
                new ReplayDecision.FromSnapshot(snapshotVersion, false, "asked to start from this snapshot")));
    }

    @Override
    public <S> SnapshotInfo snapshot(AggregateType<S> type, StreamId streamId) {
        StateHandlers<S> stateHandlers = handlers(type, streamId);
        Progress<S> progress = loadWith(type, stateHandlers, streamId).progress();
        if (progress.version < 1) {
            throw new IllegalStateException("stream " + streamId + " holds no events; there is nothing to snapshot");
        }
        return info(save(type, stateHandlers, streamId, progress));
    }

    @Override
    public List<SnapshotInfo> snapshots(AggregateType<?> type, StreamId streamId) {
        return snapshots.list(streamId, type.category()).stream()
                .map(DefaultReplayEngine::info)
                .toList();
    }

    @Override
    public int clearSnapshots(StreamId streamId) {
        Objects.requireNonNull(streamId, "streamId must not be null");
        return snapshots.clear(streamId);
    }

    @Override
    public ReplayStatistics statistics() {
        return counters.snapshot();
    }

    /** The newest usable snapshot within {@code [first, current]}; corrupt ones are deleted on the way. */
    private <S> SnapshotChoice<S> choose(
            AggregateType<S> type, StateHandlers<S> stateHandlers, StreamId streamId, long first, long current) {
        List<StoredSnapshot> candidates = snapshots.list(streamId, type.category());
        List<String> passedOver = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            StoredSnapshot snapshot = candidates.get(i);
            if (snapshot.version() > current || snapshot.version() < first) {
                passedOver.add(
                        "version " + snapshot.version() + " lies outside the visible events " + first + ".." + current);
                continue;
            }
            if (!StateHash.matches(snapshot.state(), snapshot.stateHash())) {
                counters.corruptDiscarded();
                store.observer().integrityFailed(type.category());
                LOG.log(
                        Level.WARNING,
                        "snapshot of " + streamId + " at version " + snapshot.version()
                                + " does not match its state hash: discarded, the state is rebuilt from events");
                snapshots.delete(streamId, type.category(), snapshot.version());
                passedOver.add("version " + snapshot.version() + " was corrupt (state hash mismatch) and deleted");
                continue;
            }
            String changed = changedContributors(snapshot, stateHandlers);
            if (changed != null) {
                counters.staleSkipped();
                passedOver.add("version " + snapshot.version() + " was built by changed code: " + changed);
                continue;
            }
            List<DataKey> keys = new ArrayList<>();
            byte[] clear;
            try {
                clear = clearState(snapshot, keys);
            } catch (IllegalStateException e) {
                counters.corruptDiscarded();
                store.observer().integrityFailed(type.category());
                LOG.log(
                        Level.WARNING,
                        "sealed snapshot of " + streamId + " at version " + snapshot.version()
                                + " does not open with its subjects' keys: discarded, the state is rebuilt from events");
                snapshots.delete(streamId, type.category(), snapshot.version());
                passedOver.add("version " + snapshot.version() + " was sealed but does not open (altered) and deleted");
                continue;
            }
            if (clear == null) {
                // unreadable for ever: keeping it would only cost a key lookup at every load
                snapshots.delete(streamId, type.category(), snapshot.version());
                passedOver.add("version " + snapshot.version()
                        + " held personal data of a forgotten data subject and was deleted");
                continue;
            }
            try {
                S state = store.serializer().deserialize(clear, type.stateType());
                return new SnapshotChoice<>(snapshot, state, i == 0, passedOver, List.copyOf(keys));
            } catch (RuntimeException e) {
                counters.staleSkipped();
                passedOver.add("version " + snapshot.version() + " cannot be read as "
                        + type.stateType().getName() + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new SnapshotChoice<>(null, null, false, passedOver, List.of());
    }

    private <S> @Nullable String problemWith(StoredSnapshot snapshot, StateHandlers<S> stateHandlers) {
        if (!StateHash.matches(snapshot.state(), snapshot.stateHash())) {
            return "its state does not match its hash (corrupt or altered)";
        }
        String changed = changedContributors(snapshot, stateHandlers);
        return changed == null ? null : "it was built by changed code: " + changed;
    }

    /** The contributors whose code changed since the snapshot, or null if none did. */
    private @Nullable String changedContributors(StoredSnapshot snapshot, StateHandlers<?> stateHandlers) {
        StringBuilder changed = new StringBuilder();
        String initial = snapshot.contributors().get(StateHandlers.INITIAL_STATE);
        if (!stateHandlers.initialFingerprint().equals(initial)) {
            changed.append("the initial state");
        }
        for (Map.Entry<String, String> contributor : new TreeMap<>(snapshot.contributors()).entrySet()) {
            String eventType = contributor.getKey();
            if (eventType.equals(StateHandlers.INITIAL_STATE)) {
                continue;
            }
            String now = store.eventClass(eventType)
                    .map(stateHandlers::fingerprintFor)
                    .orElse(StateHandlers.NO_HANDLER);
            if (!contributor.getValue().equals(now)) {
                changed.append(changed.length() == 0 ? "" : ", ")
                        .append("the handler of ")
                        .append(eventType);
            }
        }
        return changed.length() == 0 ? null : changed.toString();
    }

    private static ReplayDecision decision(SnapshotChoice<?> choice) {
        String passed = choice.passedOver().isEmpty() ? "" : "; passed over: " + String.join("; ", choice.passedOver());
        if (choice.snapshot() == null) {
            return new ReplayDecision.FullReplay(
                    (choice.passedOver().isEmpty() ? "no snapshot" : "no usable snapshot") + passed);
        }
        return new ReplayDecision.FromSnapshot(
                choice.version(),
                choice.latest(),
                (choice.latest() ? "newest snapshot, hash and handlers unchanged" : "newest usable snapshot") + passed);
    }

    /** Applies the stored events after {@code progress.version} up to {@code until}, stopping after {@code asOf}. */
    private <S> void apply(
            AggregateType<S> type,
            StateHandlers<S> stateHandlers,
            StreamId streamId,
            Progress<S> progress,
            long until,
            @Nullable Instant asOf) {
        if (until <= progress.version) {
            return;
        }
        boolean verify = type.verifyOnLoad();
        long from = progress.version + 1;
        String previous = null;
        long readFrom = from;
        if (verify) {
            if (from == 1) {
                previous = EventChain.GENESIS;
            } else {
                readFrom = from - 1; // the event before gives the link to start from
            }
        }
        try (Stream<StoredEvent> events = store.storedEvents(streamId, readFrom, until)) {
            Iterator<StoredEvent> it = events.iterator();
            while (it.hasNext()) {
                StoredEvent stored = it.next();
                if (verify) {
                    if (stored.streamVersion() < from) {
                        previous = stored.hash();
                        continue;
                    }
                    if (previous == null) {
                        previous = store.truncationAnchor(streamId).orElse(EventChain.GENESIS);
                    }
                    String expected = chain.expectedHash(previous, stored);
                    if (!expected.equals(stored.hash()) || stored.streamVersion() != progress.version + 1) {
                        store.observer().integrityFailed(streamId.category());
                        throw new IntegrityViolationException(
                                streamId, stored.streamVersion(), expected, stored.hash());
                    }
                    previous = stored.hash();
                }
                if (asOf != null && stored.recordedAt().isAfter(asOf)) {
                    break;
                }
                for (RecordedEvent event : store.decode(stored, progress.keys)) {
                    Object payload = event.payload();
                    Optional<Handler> handler = stateHandlers.handlerFor(payload.getClass());
                    if (handler.isPresent()) {
                        progress.state = type.stateType().cast(handler.get().apply(progress.state, payload));
                    }
                    progress.contribute(event.eventType(), stateHandlers, payload.getClass());
                }
                progress.version = stored.streamVersion();
                progress.applied++;
            }
        }
    }

    private <S> void trySnapshot(
            AggregateType<S> type, StateHandlers<S> stateHandlers, StreamId streamId, Progress<S> progress) {
        try {
            save(type, stateHandlers, streamId, progress);
        } catch (RuntimeException e) {
            // A snapshot only saves time later: failing to store one must not fail the load.
            LOG.log(Level.WARNING, "could not store a snapshot of " + streamId + " at version " + progress.version, e);
        }
    }

    /**
     * Stores the state of {@code progress} as a snapshot; sealed with the subjects' keys if it was built from
     * personal data, so that it becomes unreadable when one of them is forgotten.
     */
    private <S> StoredSnapshot save(
            AggregateType<S> type, StateHandlers<S> stateHandlers, StreamId streamId, Progress<S> progress) {
        long version = progress.version;
        byte[] serialized = store.serializer().serialize(progress.state);
        byte[] canonical = store.writesJson() ? CanonicalJson.canonicalize(serialized) : serialized;
        if (!progress.keys.isEmpty()) {
            canonical = SealedState.seal(canonical, progress.keys, binding(streamId, type.category(), version));
        }
        Map<String, String> recorded = new HashMap<>(progress.contributors);
        recorded.put(StateHandlers.INITIAL_STATE, stateHandlers.initialFingerprint());
        StoredSnapshot snapshot = new StoredSnapshot(
                streamId, type.category(), version, canonical, StateHash.of(canonical), recorded, store.clockTime());
        snapshots.save(snapshot);
        counters.snapshotTaken();
        store.observer().snapshotWritten(type.category());
        int removed = snapshots.keepLatest(streamId, type.category(), type.snapshotsToKeep());
        LOG.log(
                Level.DEBUG,
                () -> "snapshot of " + streamId + " stored at version " + version + " (" + removed + " older removed)");
        return snapshot;
    }

    /**
     * The snapshot's state in clear, adding the keys that opened it (if it was sealed) to {@code keysUsed}; null if
     * it holds data of a forgotten subject.
     *
     * @throws IllegalStateException if it is sealed and does not open: altered, or this store keeps no keys
     */
    private byte @Nullable [] clearState(StoredSnapshot snapshot, List<DataKey> keysUsed) {
        if (!store.writesJson() || !SealedState.isSealed(snapshot.state())) {
            return snapshot.state();
        }
        SubjectKeyStore keys = store.subjectKeys()
                .orElseThrow(() -> new IllegalStateException(
                        "the snapshot is sealed with data subjects' keys, but this" + " store keeps no key store"));
        SealedState.Opened opened = SealedState.open(
                snapshot.state(), keys, binding(snapshot.streamId(), snapshot.stateType(), snapshot.version()));
        if (opened instanceof SealedState.Opened.Readable readable) {
            keysUsed.addAll(readable.keys());
            return readable.state();
        }
        return null;
    }

    /** What a sealed state belongs to: it opens only in the same snapshot. */
    private static String binding(StreamId streamId, String stateType, long version) {
        return streamId + "\u0000" + stateType + "\u0000" + version;
    }

    private <S> LoadedState<S> decided(LoadedState<S> loaded) {
        return decided(loaded, false);
    }

    private static EngineObserver.ReplayStart startOf(ReplayDecision decision) {
        if (decision instanceof ReplayDecision.FromSnapshot fromSnapshot) {
            return fromSnapshot.latest()
                    ? EngineObserver.ReplayStart.LATEST_SNAPSHOT
                    : EngineObserver.ReplayStart.OLDER_SNAPSHOT;
        }
        return EngineObserver.ReplayStart.FULL;
    }

    /** Counts and logs a decision: at INFO when snapshots were passed over (changed code, corruption). */
    private <S> LoadedState<S> decided(LoadedState<S> loaded, boolean passedOverSnapshots) {
        counters.decided(loaded.decision());
        store.observer().replayed(loaded.streamId().category(), startOf(loaded.decision()));
        Level level = passedOverSnapshots ? Level.INFO : Level.DEBUG;
        LOG.log(
                level,
                () -> "loaded " + loaded.streamId() + " at version " + loaded.version() + " applying "
                        + loaded.eventsApplied() + " event(s): " + describe(loaded.decision()));
        return loaded;
    }

    private static String describe(ReplayDecision decision) {
        return decision instanceof ReplayDecision.FromSnapshot s
                ? "from the snapshot at version " + s.snapshotVersion() + " (" + s.reason() + ")"
                : "full replay (" + decision.reason() + ")";
    }

    /**
     * Checks {@code type} before any load: its handler classes follow the rules, and every handler takes an
     * event class the store has registered (or a supertype of one).
     *
     * @throws IllegalArgumentException naming the method and what is wrong with it
     */
    public void check(AggregateType<?> type) {
        Objects.requireNonNull(type, "type must not be null");
        handlers.computeIfAbsent(type, t -> StateHandlers.of(t, fingerprints))
                .requireRegisteredEventClasses(store::hasEventsOf);
    }

    @SuppressWarnings("unchecked")
    private <S> StateHandlers<S> handlers(AggregateType<S> type, StreamId streamId) {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(streamId, "streamId must not be null");
        if (!streamId.category().equals(type.category())) {
            throw new IllegalArgumentException("stream " + streamId + " is not of aggregate type " + type.category()
                    + "; use type.streamId(id) to address its streams");
        }
        return (StateHandlers<S>) handlers.computeIfAbsent(type, t -> StateHandlers.of(t, fingerprints));
    }

    private static SnapshotInfo info(StoredSnapshot snapshot) {
        return new SnapshotInfo(
                snapshot.streamId(),
                snapshot.version(),
                snapshot.stateHash(),
                snapshot.contributors(),
                snapshot.createdAt());
    }

    /** A load's outcome with what a snapshot of it needs. */
    private record Loaded<S>(LoadedState<S> state, Progress<S> progress, long snapshotVersion) {}

    /** The state being rebuilt and what went into it. */
    private static final class Progress<S> {
        S state;
        long version;
        long applied;
        /** The keys that decrypted personal data the state was built from: its snapshots are sealed with them. */
        final Set<DataKey> keys = new LinkedHashSet<>();

        final Map<String, String> contributors;
        private @Nullable String lastType;

        private Progress(S state, long version, Map<String, String> contributors) {
            this.state = state;
            this.version = version;
            this.contributors = new HashMap<>(contributors);
            this.contributors.remove(StateHandlers.INITIAL_STATE);
        }

        static <S> Progress<S> start(S state, long version, Map<String, String> contributors) {
            return new Progress<>(state, version, contributors);
        }

        void contribute(String eventType, StateHandlers<?> stateHandlers, Class<?> eventClass) {
            // Streams repeat few types; skipping the map for a run of one type keeps replay allocation-free.
            if (!eventType.equals(lastType)) {
                contributors.putIfAbsent(eventType, stateHandlers.fingerprintFor(eventClass));
                lastType = eventType;
            }
        }
    }
}
