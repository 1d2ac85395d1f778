package io.streamdingo.engine.memory;

import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.WrongExpectedVersionException;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.WriteGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * One stream's events, version and lease. Guarded by its own read-write lock, so writers of different
 * streams never wait for each other; callers hold {@link #lock} around every method.
 */
final class InMemoryStream {

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final StreamId streamId;
    /** {@code events.get(i)} has version {@code firstStoredVersion + i}. */
    private final ArrayList<StoredEvent> events = new ArrayList<>();

    private long firstStoredVersion = 1;
    private long firstVisibleVersion = 1;
    private @Nullable Lease lease;
    private String lastHash = EventChain.GENESIS;
    private @Nullable String truncationAnchor;

    InMemoryStream(StreamId streamId) {
        this.streamId = streamId;
    }

    long currentVersion() {
        return firstStoredVersion + events.size() - 1;
    }

    StreamInfo info() {
        return new StreamInfo(streamId, currentVersion(), firstVisibleVersion);
    }

    boolean wasWritten() {
        return currentVersion() > 0;
    }

    void checkExpected(ExpectedVersion expected) {
        if (!expected.isSatisfiedBy(currentVersion())) {
            throw new WrongExpectedVersionException(streamId, expected, currentVersion());
        }
    }

    /** Applies the session rules of {@link WriteGuard} to this stream's lease. */
    void checkGuard(WriteGuard guard) {
        guard.check(streamId, lease == null ? null : lease.sessionId(), lease == null ? null : lease.expiresAt());
    }

    void renewAfterWrite(WriteGuard guard) {
        if (guard.sessionId() != null && guard.renewUntil() != null) {
            lease = new Lease(guard.sessionId(), guard.renewUntil());
        }
    }

    void add(StoredEvent event) {
        events.add(event);
        lastHash = event.hash();
    }

    /** The hash the next appended event links to. */
    String lastHash() {
        return lastHash;
    }

    Optional<String> truncationAnchor() {
        return Optional.ofNullable(truncationAnchor);
    }

    List<StoredEvent> forwards(long fromVersion, long toVersion, int limit) {
        List<StoredEvent> page = new ArrayList<>(Math.min(limit, 256));
        long from = Math.max(fromVersion, firstStoredVersion);
        long to = Math.min(toVersion, currentVersion());
        for (long v = from; v <= to && page.size() < limit; v++) {
            page.add(events.get((int) (v - firstStoredVersion)));
        }
        return page;
    }

    List<StoredEvent> backwards(long fromVersion, long toVersion, int limit) {
        List<StoredEvent> page = new ArrayList<>(Math.min(limit, 256));
        long from = Math.max(fromVersion, firstStoredVersion);
        long to = Math.min(toVersion, currentVersion());
        for (long v = to; v >= from && page.size() < limit; v--) {
            page.add(events.get((int) (v - firstStoredVersion)));
        }
        return page;
    }

    void hideCurrentEvents() {
        firstVisibleVersion = currentVersion() + 1;
    }

    /** Removes events below {@code beforeVersion}; returns them so the global order can drop them too. */
    List<StoredEvent> truncateBefore(long beforeVersion) {
        int count = (int) Math.max(0, Math.min(beforeVersion, currentVersion() + 1) - firstStoredVersion);
        List<StoredEvent> removed = new ArrayList<>(events.subList(0, count));
        events.subList(0, count).clear();
        if (!removed.isEmpty()) {
            truncationAnchor = removed.get(removed.size() - 1).hash();
        }
        firstStoredVersion += count;
        firstVisibleVersion = Math.max(firstVisibleVersion, beforeVersion);
        return removed;
    }

    void acquire(String sessionId, Instant now, Instant expiresAt) {
        checkGuard(WriteGuard.unlocked(now));
        lease = new Lease(sessionId, expiresAt);
    }

    void renew(String sessionId, Instant now, Instant expiresAt) {
        checkGuard(WriteGuard.session(sessionId, now, expiresAt));
        lease = new Lease(sessionId, expiresAt);
    }

    void release(String sessionId) {
        if (lease != null && lease.sessionId().equals(sessionId)) {
            lease = null;
        }
    }
}
