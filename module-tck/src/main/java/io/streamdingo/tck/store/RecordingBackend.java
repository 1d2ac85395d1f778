package io.streamdingo.tck.store;

import io.streamdingo.api.ReadDirection;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.StoredEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes every call to the backend under test and counts the stream events it hands out, so the suite can
 * show that reads are lazy and that a version lookup loads no events.
 */
public final class RecordingBackend extends ForwardingBackend {

    private final AtomicLong streamEventsRead = new AtomicLong();

    RecordingBackend(EventStoreBackend delegate) {
        super(delegate);
    }

    /** How many events {@link #readStream} has returned so far. */
    public long streamEventsRead() {
        return streamEventsRead.get();
    }

    /** The backend under test, for writing raw stored events the engine would never produce. */
    public EventStoreBackend unwrapped() {
        return delegate();
    }

    @Override
    public List<StoredEvent> readStream(
            StreamId streamId, long fromVersion, long toVersion, ReadDirection direction, int limit) {
        List<StoredEvent> page = super.readStream(streamId, fromVersion, toVersion, direction, limit);
        streamEventsRead.addAndGet(page.size());
        return page;
    }
}
