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
import org.jspecify.annotations.Nullable;

/**
 * A backend that passes every call to another; the kit's decorators, and tests or benchmarks that need one,
 * override what they observe or change.
 */
public abstract class ForwardingBackend implements EventStoreBackend {

    private final EventStoreBackend delegate;

    /** A backend passing every call to {@code delegate}. */
    protected ForwardingBackend(EventStoreBackend delegate) {
        this.delegate = delegate;
    }

    /** The backend calls are passed to. */
    protected EventStoreBackend delegate() {
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
    public List<StoredEvent> readStream(
            StreamId streamId, long fromVersion, long toVersion, ReadDirection direction, int limit) {
        return delegate.readStream(streamId, fromVersion, toVersion, direction, limit);
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        return delegate.readAll(afterPosition, limit);
    }

    @Override
    public List<StoredEvent> readCategory(String category, long afterPosition, int limit) {
        return delegate.readCategory(category, afterPosition, limit);
    }

    @Override
    public long headPosition() {
        return delegate.headPosition();
    }

    @Override
    public long countCategory(String category, long afterPosition, long upToPosition) {
        return delegate.countCategory(category, afterPosition, upToPosition);
    }

    @Override
    public void onCommitted(java.util.function.Consumer<String> listener) {
        delegate.onCommitted(listener);
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
    public Optional<String> truncationAnchor(StreamId streamId) {
        return delegate.truncationAnchor(streamId);
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
