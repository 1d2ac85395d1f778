package io.streamdingo.tck.store;

import io.streamdingo.api.StreamId;

/**
 * Changes a backend's stored events behind the engine's back, as somebody with write access to the storage
 * could (RL, HS-4). Real backends implement it against their storage (SQL on the tables); the kit's
 * {@link TamperingBackend} does it for backends with no storage of their own to reach.
 */
public interface StoreTampering {

    /** Replaces the payload of the event at {@code version}; its hash stays. */
    void replacePayload(StreamId streamId, long version, String json);

    /** Deletes the event at {@code version}, leaving a gap. */
    void deleteEvent(StreamId streamId, long version);

    /** Exchanges the payloads of the events at {@code first} and {@code second}; their hashes stay. */
    void swapPayloads(StreamId streamId, long first, long second);

    /**
     * Inserts a copy of the event at {@code ofVersion} (under a new event id, with its hash) at {@code atVersion},
     * moving the events from {@code atVersion} on up by one version.
     */
    void insertCopy(StreamId streamId, long ofVersion, long atVersion);
}
