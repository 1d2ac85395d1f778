package io.streamdingo.api;

import java.util.stream.Stream;

/**
 * The role of reading one stream (ES-3, ES-4).
 *
 * <p>Reads are lazy: events are fetched page by page as the returned {@link Stream} is consumed, so a
 * stream of a million events is never one list in memory. The returned stream holds no connection
 * between pages; closing it early is allowed and frees nothing more than memory.
 */
public interface StreamReader {

    /**
     * The events of {@code streamId} within {@code range}, upcast to their newest known version.
     *
     * <p>Unknown streams and ranges past the end give an empty stream, never an error.
     *
     * @throws UnknownEventTypeException while consuming, if a stored event's type is not registered
     * @throws EventDeserializationException while consuming, if a stored payload cannot be read
     * @throws StoreNotOpenException if the store was closed
     */
    Stream<RecordedEvent> read(StreamId streamId, StreamRange range);

    /** The whole stream, oldest first; see {@link #read(StreamId, StreamRange)}. */
    default Stream<RecordedEvent> read(StreamId streamId) {
        return read(streamId, StreamRange.all());
    }

    /**
     * The version of the stream's last event, without loading events: 0 for a stream that has none.
     *
     * @throws StoreNotOpenException if the store was closed
     */
    long currentVersion(StreamId streamId);
}
