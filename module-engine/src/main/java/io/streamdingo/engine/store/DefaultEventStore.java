package io.streamdingo.engine.store;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StoreNotOpenException;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.StreamRange;
import io.streamdingo.api.StreamSession;
import io.streamdingo.api.StreamVerification;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.EngineObserver;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventDecoder;
import io.streamdingo.api.spi.EventSerializer;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.EventTracing;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.api.spi.WriteGuard;
import io.streamdingo.engine.privacy.PersonalDataPlan;
import io.streamdingo.hashing.ChainVerifier;
import io.streamdingo.hashing.EventHashChain;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@link EventStore} over any {@link EventStoreBackend}: validates input, encodes and decodes events
 * through the {@link EventCodec}, shapes lazy reads and hands out sessions. Thread-safe.
 */
public final class DefaultEventStore implements EventStore, EventDecoder {

    private static final System.Logger LOG = System.getLogger(DefaultEventStore.class.getName());
    private static final Duration MAX_SESSION_TIMEOUT = Duration.ofHours(24);

    private final EventStoreBackend backend;
    private final EventCodec codec;
    private final StoreSettings settings;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final EventChain chain = new EventHashChain();
    private final ChainVerifier verifier = new ChainVerifier();

    private final List<java.util.function.Consumer<String>> appendListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Runs {@code listener} with the stream category after every append through this store is committed, and
     * after appends of other processes the backend learns of (see {@link EventStoreBackend#onCommitted}):
     * waiting subscriptions and the relay look at once. It must be quick and must not throw.
     */
    public void onAppend(java.util.function.Consumer<String> listener) {
        appendListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops running {@code listener}. */
    public void removeAppendListener(java.util.function.Consumer<String> listener) {
        appendListeners.remove(listener);
    }

    /** Where a backend in this JVM keeps decoded events for later reads; null for a database. */
    private final @Nullable DecodedEvents kept;

    public DefaultEventStore(EventStoreBackend backend, EventCodec codec, StoreSettings settings) {
        this.backend = backend;
        this.codec = codec;
        this.settings = settings;
        this.kept = backend instanceof DecodedEvents decodedEvents ? decodedEvents : null;
        backend.onCommitted(category -> appendListeners.forEach(listener -> listener.accept(category)));
    }

    @Override
    public AppendResult append(StreamId streamId, ExpectedVersion expected, List<NewEvent> events) {
        return append(streamId, expected, events, null, null);
    }

    /** An append by {@code session} (extending its lease by {@code timeout}) or by nobody in particular. */
    AppendResult append(
            StreamId streamId,
            ExpectedVersion expected,
            List<NewEvent> events,
            @Nullable String sessionId,
            @Nullable Duration timeout) {
        requireOpen("append events");
        Objects.requireNonNull(streamId, "streamId must not be null");
        Objects.requireNonNull(expected, "expected version must not be null; use ExpectedVersion.any() for no check");
        Objects.requireNonNull(events, "events must not be null");
        if (events.isEmpty()) {
            throw new IllegalArgumentException(
                    "an append to stream " + streamId + " needs at least one event; nothing was written");
        }
        Instant now = now();
        for (NewEvent event : events) {
            Objects.requireNonNull(event, "events must not contain null; nothing was written");
        }
        try (EventTracing.TraceSpan span = settings.tracing()
                .appending(streamId, events.size(), events.get(0).metadata().correlationId())) {
            try {
                Map<String, String> trace = span.context();
                List<EventToStore> encoded = new ArrayList<>(events.size());
                for (NewEvent event : events) {
                    encoded.add(codec.encode(streamId, TraceHeaders.carry(event, trace), now));
                }
                WriteGuard guard = sessionId == null
                        ? WriteGuard.unlocked(now)
                        : WriteGuard.session(sessionId, now, now.plus(Objects.requireNonNull(timeout)));
                AppendResult result = backend.append(streamId, expected, encoded, guard, chain);
                settings.observer().appended(streamId.category(), events.size());
                LOG.log(
                        Level.TRACE,
                        () -> "appended " + events.size() + " event(s) to " + streamId + ", now at version "
                                + result.currentVersion());
                return result;
            } catch (RuntimeException e) {
                span.failed(e);
                throw e;
            }
        }
    }

    @Override
    public Stream<RecordedEvent> read(StreamId streamId, StreamRange range) {
        requireOpen("read a stream");
        Objects.requireNonNull(streamId, "streamId must not be null");
        Objects.requireNonNull(range, "range must not be null; use StreamRange.all()");
        Optional<StreamInfo> info = backend.streamInfo(streamId);
        if (info.isEmpty() || info.get().isEmpty()) {
            return Stream.empty();
        }
        // Bounding the read by the version seen now gives a consistent view: later appends are not mixed in.
        long from = Math.max(range.fromVersion(), info.get().firstVisibleVersion());
        long to = Math.min(range.toVersion(), info.get().currentVersion());
        if (from > to) {
            return Stream.empty();
        }
        ReadDirection direction = range.direction();
        if (direction == ReadDirection.FORWARDS) {
            return decoded(storedPages(streamId, from, to));
        }
        Pages.Source<StoredEvent> pages = (last, size) -> {
            requireOpen("read a stream");
            long next = last == null ? to : last.streamVersion() - 1;
            return next < from ? List.of() : backend.readStream(streamId, from, next, direction, size);
        };
        return decoded(pages);
    }

    @Override
    public long currentVersion(StreamId streamId) {
        requireOpen("read a stream version");
        Objects.requireNonNull(streamId, "streamId must not be null");
        return backend.streamInfo(streamId).map(StreamInfo::currentVersion).orElse(0L);
    }

    @Override
    public Stream<RecordedEvent> readAll(long afterPosition) {
        return decoded(storedAll(afterPosition));
    }

    @Override
    public Stream<RecordedEvent> readCategory(String category, long afterPosition) {
        return readCategory(category, afterPosition, Map.of());
    }

    /**
     * The stored events of streams of {@code category} after {@code afterPosition}, still serialized, in global
     * order and bounded by the head at the call: what the outbox relay publishes.
     */
    public Stream<StoredEvent> storedCategory(String category, long afterPosition) {
        StreamId.requireValidCategory(category);
        return Pages.stream(storedCategoryPages(category, afterPosition), settings.pageSize(), settings.maxPageSize());
    }

    /** Like {@link #readCategory(String, long)}, upcasting only to the versions {@code receiveAs} names (SE-4). */
    public Stream<RecordedEvent> readCategory(String category, long afterPosition, Map<String, Integer> receiveAs) {
        StreamId.requireValidCategory(category);
        return Pages.stream(storedCategoryPages(category, afterPosition), settings.pageSize(), settings.maxPageSize())
                .flatMap(stored -> codec.decode(stored, receiveAs).stream());
    }

    private Pages.Source<StoredEvent> storedAll(long afterPosition) {
        requireOpen("read the global order");
        if (afterPosition < 0) {
            throw new IllegalArgumentException(
                    "global positions start after 0; read from " + afterPosition + " is invalid, use 0 for the start");
        }
        // Bounded by the head seen now, like stream reads: a busy store cannot keep one read going forever.
        long head = backend.headPosition();
        return (last, size) -> {
            requireOpen("read the global order");
            long after = last == null ? afterPosition : last.globalPosition();
            if (after >= head) {
                return List.of();
            }
            List<StoredEvent> page = backend.readAll(after, size);
            return page.isEmpty() || page.get(page.size() - 1).globalPosition() <= head
                    ? page
                    : page.stream().filter(e -> e.globalPosition() <= head).toList();
        };
    }

    /**
     * {@code event} serialized again as a subscription received it (in its upcast version), for a dead-letter
     * store; {@link #decode(StoredEvent, Map)} reads it back.
     */
    public StoredEvent storedForm(RecordedEvent event) {
        return new StoredEvent(
                event.eventId(),
                event.streamId(),
                event.streamVersion(),
                event.globalPosition(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                codec.serializer().serialize(event.payload()),
                "");
    }

    /**
     * The stored events of {@code streamId} after {@code afterVersion} and before {@code beforeVersion} whose
     * global position is above {@code afterPosition}, ascending, at most {@code limit} (the newest of them): what
     * a consumer-group member must deliver before {@code beforeVersion} when it takes over a stream another
     * member held.
     */
    public List<StoredEvent> storedBetween(
            StreamId streamId, long afterVersion, long beforeVersion, long afterPosition, int limit) {
        requireOpen("read a stream");
        List<StoredEvent> newestFirst = new ArrayList<>();
        long to = beforeVersion - 1;
        while (to > afterVersion && newestFirst.size() < limit) {
            List<StoredEvent> page = backend.readStream(
                    streamId,
                    afterVersion + 1,
                    to,
                    ReadDirection.BACKWARDS,
                    Math.min(settings.pageSize(), limit - newestFirst.size()));
            if (page.isEmpty()) {
                break;
            }
            for (StoredEvent event : page) {
                if (event.globalPosition() <= afterPosition) {
                    Collections.reverse(newestFirst);
                    return newestFirst;
                }
                newestFirst.add(event);
            }
            to = page.get(page.size() - 1).streamVersion() - 1;
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** One category's events in the global order, read by the backend's indexed category query. */
    private Pages.Source<StoredEvent> storedCategoryPages(String category, long afterPosition) {
        requireOpen("read a category");
        if (afterPosition < 0) {
            throw new IllegalArgumentException(
                    "global positions start after 0; read from " + afterPosition + " is invalid, use 0 for the start");
        }
        long head = backend.headPosition();
        return (last, size) -> {
            requireOpen("read a category");
            long after = last == null ? afterPosition : last.globalPosition();
            if (after >= head) {
                return List.of();
            }
            List<StoredEvent> page = backend.readCategory(category, after, size);
            return page.isEmpty() || page.get(page.size() - 1).globalPosition() <= head
                    ? page
                    : page.stream().filter(e -> e.globalPosition() <= head).toList();
        };
    }

    private Pages.Source<StoredEvent> storedPages(StreamId streamId, long from, long to) {
        return (last, size) -> {
            requireOpen("read a stream");
            long next = last == null ? from : last.streamVersion() + 1;
            return next > to ? List.of() : backend.readStream(streamId, next, to, ReadDirection.FORWARDS, size);
        };
    }

    /**
     * The stored events of {@code streamId} with versions in {@code [from, to]}, ascending, still serialized
     * and with their hashes, fetched lazily: for the replay engine and verification.
     */
    public Stream<StoredEvent> storedEvents(StreamId streamId, long from, long to) {
        requireOpen("read a stream");
        return Pages.stream(storedPages(streamId, from, to), settings.pageSize(), settings.maxPageSize());
    }

    /**
     * The application's view of one stored event (see {@link EventCodec#decode}). A backend in this JVM may
     * keep what this decoded (see {@link DecodedEvents}): an event of a deeply immutable payload type is then
     * deserialized once and the same instance returned to every later read.
     */
    @Override
    public List<RecordedEvent> decode(StoredEvent stored) {
        return decode(stored, (Collection<DataKey>) null);
    }

    /**
     * Like {@link #decode(StoredEvent)}, adding the keys that decrypted personal data to {@code keysUsed} (if not
     * null): the replay engine seals the snapshots of states built from them.
     */
    public List<RecordedEvent> decode(StoredEvent stored, @Nullable Collection<DataKey> keysUsed) {
        if (kept == null) {
            return codec.decode(stored, Map.of(), keysUsed);
        }
        RecordedEvent known = kept.recall(stored);
        if (known != null) {
            if (!PersonalDataPlan.of(known.payload().getClass()).protects()) {
                return List.of(known);
            }
            List<DataKey> used = kept.keysOf(stored);
            if (stillHeld(used, keysUsed)) {
                if (keysUsed != null) {
                    keysUsed.addAll(used);
                }
                return List.of(known);
            }
            kept.forget(stored); // a subject was forgotten since: decoded again, its personal data now redacted
        }
        // the caller's keys first, so that a replay decrypts with the keys it already has; this event's follow
        List<DataKey> keys = keysUsed == null ? new ArrayList<>(0) : new ArrayList<>(keysUsed);
        int before = keys.size();
        List<RecordedEvent> decoded = codec.decode(stored, Map.of(), keys);
        List<DataKey> opened = List.copyOf(keys.subList(before, keys.size()));
        if (keysUsed != null) {
            keysUsed.addAll(opened);
        }
        if (decoded.size() == 1
                && ImmutableTypes.isDeeplyImmutable(decoded.get(0).payload().getClass())) {
            kept.remember(stored, decoded.get(0), opened);
        }
        return decoded;
    }

    /**
     * Whether every key still exists: a kept event with personal data is handed out only until one is forgotten.
     * Keys the caller already holds ({@code held}: a replay's) count as existing, as they do for decrypting.
     */
    private boolean stillHeld(List<DataKey> used, @Nullable Collection<DataKey> held) {
        if (used.isEmpty() || (held != null && held.containsAll(used))) {
            return true;
        }
        SubjectKeyStore keys = codec.subjectKeys().orElse(null);
        if (keys == null) {
            return false;
        }
        for (DataKey key : used) {
            if (keys.key(key.subject(), key.keyId()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Where the data subjects' keys are kept, if this store encrypts personal data. */
    public Optional<SubjectKeyStore> subjectKeys() {
        return codec.subjectKeys();
    }

    @Override
    public boolean forget(String subject) {
        requireOpen("forget a data subject");
        SubjectKeyStore.requireValidSubject(subject);
        SubjectKeyStore keys = codec.subjectKeys()
                .orElseThrow(() -> new IllegalStateException("this store keeps no data subjects' keys: none of its"
                        + " event types holds @PersonalData fields and no key store was configured"
                        + " (EventStoreBuilder.subjectKeys)"));
        boolean had = keys.forget(subject);
        LOG.log(
                Level.INFO,
                had
                        ? "data subject {0} forgotten: its key is deleted and its personal data reads as redacted"
                        : "data subject {0} had no key to forget",
                subject);
        return had;
    }

    /** The serializer events are written with; snapshot states use it too. */
    public EventSerializer serializer() {
        return codec.serializer();
    }

    /** True if payloads are JSON, stored and hashed in canonical form. */
    public boolean writesJson() {
        return codec.writesJson();
    }

    /** True if some registered event class is a {@code type}, so that a consumer taking a {@code type} can receive events. */
    public boolean hasEventsOf(Class<?> type) {
        return codec.hasEventsOf(type);
    }

    /** The class events of type {@code typeName} are read as (its newest registered version), if any. */
    public Optional<Class<?>> eventClass(String typeName) {
        return codec.newestClass(typeName);
    }

    /** Where the stream's hash chain starts after a truncation (see {@link EventStoreBackend#truncationAnchor}). */
    public Optional<String> truncationAnchor(StreamId streamId) {
        requireOpen("read a stream");
        return backend.truncationAnchor(streamId);
    }

    @Override
    public StreamVerification verify(StreamId streamId) {
        requireOpen("verify a stream");
        Objects.requireNonNull(streamId, "streamId must not be null");
        Optional<StreamInfo> info = backend.streamInfo(streamId);
        Optional<String> anchor = backend.truncationAnchor(streamId);
        if (info.isEmpty()) {
            return verifier.verify(streamId, anchor, Collections.emptyIterator());
        }
        try (Stream<StoredEvent> events = storedEvents(streamId, 1, info.get().currentVersion())) {
            StreamVerification result = verifier.verify(streamId, anchor, events.iterator());
            if (result instanceof StreamVerification.Broken broken) {
                settings.observer().integrityFailed(streamId.category());
                LOG.log(
                        Level.ERROR,
                        () -> "integrity check failed for " + streamId + " at version " + broken.version() + ": "
                                + broken.problem());
            }
            return result;
        }
    }

    /**
     * {@code event} encoded for an ephemeral stream's queue, without storing it: registration and size are
     * checked as for an append; consumers read it back with {@link #decode(StoredEvent, Map)}.
     */
    public StoredEvent ephemeral(StreamId streamId, NewEvent event, long streamVersion, long position) {
        requireOpen("publish an ephemeral event");
        Objects.requireNonNull(event, "event must not be null");
        EventToStore encoded = codec.encode(streamId, event, now());
        // no chain link: ephemeral messages are not part of any stored stream
        return StoredEvent.of(encoded, streamId, streamVersion, position, "");
    }

    /** A message encoded by {@link #ephemeral} as a consumer reads it, upcast as far as {@code receiveAs} says. */
    public List<RecordedEvent> decode(StoredEvent stored, Map<String, Integer> receiveAs) {
        return codec.decode(stored, receiveAs);
    }

    /** The clock's time at microsecond precision. */
    public Instant clockTime() {
        return now();
    }

    /** Decoding may turn one stored event into none or several (upcasters drop and split). */
    private Stream<RecordedEvent> decoded(Pages.Source<StoredEvent> pages) {
        return Pages.stream(pages, settings.pageSize(), settings.maxPageSize())
                .<RecordedEvent>mapMulti((stored, downstream) -> decode(stored).forEach(downstream));
    }

    @Override
    public long headPosition() {
        requireOpen("read the head position");
        return backend.headPosition();
    }

    /**
     * How many events of {@code category} lie in {@code (afterPosition, upToPosition]} (a subscription's lag).
     *
     * @throws io.streamdingo.api.StoreNotOpenException if the store is closed
     */
    public long countCategory(String category, long afterPosition, long upToPosition) {
        requireOpen("count a category's events");
        return afterPosition >= upToPosition ? 0 : backend.countCategory(category, afterPosition, upToPosition);
    }

    @Override
    public StreamSession openSession(StreamId streamId, Duration timeout) {
        requireOpen("open a session");
        Objects.requireNonNull(streamId, "streamId must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "session timeout " + timeout + " is out of range; use between 1 ms and " + MAX_SESSION_TIMEOUT);
        }
        String sessionId = settings.nodeName() + "/" + UUID.randomUUID();
        Instant now = now();
        Instant expiresAt = now.plus(timeout);
        backend.acquireLease(streamId, sessionId, now, expiresAt);
        LOG.log(Level.DEBUG, () -> "session " + sessionId + " opened on " + streamId + " until " + expiresAt);
        return new StoreSession(this, streamId, sessionId, timeout, expiresAt);
    }

    @Override
    public Stream<StreamInfo> listStreams(String category) {
        return streamsAfter(category, null);
    }

    @Override
    public Stream<StreamInfo> listStreams(String category, String afterId) {
        return streamsAfter(category, Objects.requireNonNull(afterId, "afterId must not be null"));
    }

    private Stream<StreamInfo> streamsAfter(String category, @Nullable String afterId) {
        requireOpen("list streams");
        StreamId.requireValidCategory(category);
        // Paged by id, like events by version, so a category with millions of streams is fine.
        Pages.Source<StreamInfo> pages = (last, size) -> {
            requireOpen("list streams");
            return backend.listStreams(
                    category, last == null ? afterId : last.streamId().id(), size);
        };
        return Pages.stream(pages, settings.pageSize(), settings.maxPageSize());
    }

    @Override
    public long countStreams(String category) {
        requireOpen("count streams");
        return backend.countStreams(StreamId.requireValidCategory(category));
    }

    @Override
    public long countEvents(String category) {
        requireOpen("count events");
        String valid = StreamId.requireValidCategory(category);
        long head = backend.headPosition();
        return head == 0 ? 0 : backend.countCategory(valid, 0, head);
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId streamId) {
        requireOpen("read stream information");
        Objects.requireNonNull(streamId, "streamId must not be null");
        return backend.streamInfo(streamId);
    }

    @Override
    public void softDelete(StreamId streamId, ExpectedVersion expected) {
        requireOpen("delete a stream");
        Objects.requireNonNull(streamId, "streamId must not be null");
        Objects.requireNonNull(expected, "expected version must not be null; use ExpectedVersion.any() for no check");
        backend.softDelete(streamId, expected, WriteGuard.unlocked(now()));
        LOG.log(Level.INFO, () -> "stream " + streamId + " soft-deleted");
    }

    @Override
    public long truncateBefore(StreamId streamId, long beforeVersion) {
        requireOpen("truncate a stream");
        Objects.requireNonNull(streamId, "streamId must not be null");
        if (beforeVersion < 1) {
            throw new IllegalArgumentException(
                    "truncate before version " + beforeVersion + " is invalid: versions start at 1");
        }
        long current = currentVersion(streamId);
        if (beforeVersion > current + 1) {
            throw new IllegalArgumentException("cannot truncate stream " + streamId + " before version "
                    + beforeVersion + ": it is at version " + current + "; use at most " + (current + 1)
                    + " to remove every event");
        }
        long removed = backend.truncateBefore(streamId, beforeVersion, WriteGuard.unlocked(now()));
        LOG.log(
                Level.INFO,
                () -> "stream " + streamId + " truncated before version " + beforeVersion + ": " + removed
                        + " event(s) deleted");
        return removed;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            backend.close();
        }
    }

    /** Told what the store and the parts built on it do; never throws. */
    public EngineObserver observer() {
        return settings.observer();
    }

    /** How appends, publications and deliveries are traced (never throws). */
    public EventTracing tracing() {
        return settings.tracing();
    }

    /** The backend it runs on: the engine's other parts ask the store modules for companions of it. */
    public EventStoreBackend backend() {
        return backend;
    }

    Instant now() {
        // Microseconds: what PostgreSQL keeps, so every backend returns the timestamp it was given.
        return settings.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    boolean isOpen() {
        return open.get();
    }

    void requireOpen(String operation) {
        if (!open.get()) {
            throw new StoreNotOpenException(operation);
        }
    }
}
