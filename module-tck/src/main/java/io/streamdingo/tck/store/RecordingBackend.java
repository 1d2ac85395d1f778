package io.streamdingo.tck.store;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.WriteGuard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Passes every call to the backend under test and counts the stream events it hands out, so the suite can
 * show that reads are lazy and that a version lookup loads no events.
 */
public final class RecordingBackend implements EventStoreBackend {

    private final EventStoreBackend delegate;
    private final AtomicLong streamEventsRead = new AtomicLong();

    RecordingBackend(EventStoreBackend delegate) {
        this.delegate = delegate;
    }

    /** How many events {@link #readStream} has returned so far. */
    public long streamEventsRead() {
        return streamEventsRead.get();
    }

    /** The backend under test, for writing raw stored events the engine would never produce. */
    public EventStoreBackend unwrapped() {
        return delegate;
    }

    @Override
    public AppendResult append(
            StreamId streamId,
            ExpectedVersion expected,
            List<EventToStore> events,
            WriteGuard guard,
            EventChain chain) {
        return delegate.append(streamId, expected, events, guard, chain);
    }

    @Override
    public Optional<String> truncationAnchor(StreamId streamId) {
        return delegate.truncationAnchor(streamId);
    }

    @Override
    public List<StoredEvent> readStream(
            StreamId streamId, long fromVersion, long toVersion, ReadDirection direction, int limit) {
        List<StoredEvent> page = delegate.readStream(streamId, fromVersion, toVersion, direction, limit);
        streamEventsRead.addAndGet(page.size());
        return page;
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        return delegate.readAll(afterPosition, limit);
    }

    @Override
    public long headPosition() {
        return delegate.headPosition();
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId streamId) {
        return delegate.streamInfo(streamId);
    }

    @Override
    public List<StreamInfo> listStreams(String category, @Nullable String afterId, int limit) {
        return delegate.listStreams(category, afterId, limit);
    }

    @Override
    public long countStreams(String category) {
        return delegate.countStreams(category);
    }

    @Override
    public void softDelete(StreamId streamId, ExpectedVersion expected, WriteGuard guard) {
        delegate.softDelete(streamId, expected, guard);
    }

    @Override
    public long truncateBefore(StreamId streamId, long beforeVersion, WriteGuard guard) {
        return delegate.truncateBefore(streamId, beforeVersion, guard);
    }

    @Override
    public void acquireLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt) {
        delegate.acquireLease(streamId, sessionId, now, expiresAt);
    }

    @Override
    public void renewLease(StreamId streamId, String sessionId, Instant now, Instant expiresAt) {
        delegate.renewLease(streamId, sessionId, now, expiresAt);
    }

    @Override
    public void releaseLease(StreamId streamId, String sessionId) {
        delegate.releaseLease(streamId, sessionId);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
