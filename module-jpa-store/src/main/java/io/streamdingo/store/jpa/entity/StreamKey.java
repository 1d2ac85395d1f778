package io.streamdingo.store.jpa.entity;

import io.streamdingo.api.StreamId;
import java.io.Serializable;

/**
 * The primary key of {@link StreamHead}.
 *
 * @param category the stream's category
 * @param id the stream's id
 */
public record StreamKey(String category, String id) implements Serializable {

    /** The key of {@code streamId}. */
    public static StreamKey of(StreamId streamId) {
        return new StreamKey(streamId.category(), streamId.id());
    }
}
