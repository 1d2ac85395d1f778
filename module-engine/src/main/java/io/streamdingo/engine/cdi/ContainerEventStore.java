package io.streamdingo.engine.cdi;

import io.streamdingo.api.AppendResult;
import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.StreamInfo;
import io.streamdingo.api.StreamRange;
import io.streamdingo.api.StreamSession;
import io.streamdingo.api.StreamVerification;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The injected {@link EventStore}: the engine's store, which the container shares among all beans and closes
 * when the application stops. An application bean cannot close it for everybody else: {@link #close()} refuses.
 */
final class ContainerEventStore implements EventStore {

    private final EventStore store;

    ContainerEventStore(EventStore store) {
        this.store = store;
    }

    @Override
    public AppendResult append(StreamId streamId, ExpectedVersion expected, List<NewEvent> events) {
        return store.append(streamId, expected, events);
    }

    @Override
    public Stream<RecordedEvent> read(StreamId streamId, StreamRange range) {
        return store.read(streamId, range);
    }

    @Override
    public long currentVersion(StreamId streamId) {
        return store.currentVersion(streamId);
    }

    @Override
    public Stream<RecordedEvent> readAll(long afterPosition) {
        return store.readAll(afterPosition);
    }

    @Override
    public Stream<RecordedEvent> readCategory(String category, long afterPosition) {
        return store.readCategory(category, afterPosition);
    }

    @Override
    public long headPosition() {
        return store.headPosition();
    }

    @Override
    public StreamSession openSession(StreamId streamId, Duration timeout) {
        return store.openSession(streamId, timeout);
    }

    @Override
    public Stream<StreamInfo> listStreams(String category) {
        return store.listStreams(category);
    }

    @Override
    public Stream<StreamInfo> listStreams(String category, String afterId) {
        return store.listStreams(category, afterId);
    }

    @Override
    public long countStreams(String category) {
        return store.countStreams(category);
    }

    @Override
    public long countEvents(String category) {
        return store.countEvents(category);
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId streamId) {
        return store.streamInfo(streamId);
    }

    @Override
    public void softDelete(StreamId streamId, ExpectedVersion expected) {
        store.softDelete(streamId, expected);
    }

    @Override
    public long truncateBefore(StreamId streamId, long beforeVersion) {
        return store.truncateBefore(streamId, beforeVersion);
    }

    @Override
    public StreamVerification verify(StreamId streamId) {
        return store.verify(streamId);
    }

    @Override
    public boolean forget(String subject) {
        return store.forget(subject);
    }

    /**
     * Refused: the injected store is shared by every bean of the application and closed by the container.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("the injected EventStore is shared by the whole application and"
                + " closed by the container when the application stops; do not close it yourself");
    }

    @Override
    public String toString() {
        return "injected " + store;
    }
}
