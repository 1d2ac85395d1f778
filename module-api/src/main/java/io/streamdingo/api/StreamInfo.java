package io.streamdingo.api;

/**
 * What the store knows about one stream without reading its events (ES-4, ES-9).
 *
 * @param streamId the stream
 * @param currentVersion the version of its last event; 0 if it never had one
 * @param firstVisibleVersion the lowest version a read can return: 1, or higher once the stream was
 *     truncated or soft-deleted
 */
public record StreamInfo(StreamId streamId, long currentVersion, long firstVisibleVersion) {

    /** Whether reads of this stream return nothing (never written, truncated to the end, or soft-deleted). */
    public boolean isEmpty() {
        return firstVisibleVersion > currentVersion;
    }
}
