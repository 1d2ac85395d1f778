package io.streamdingo.store.jpa.operator;

import io.streamdingo.api.StreamId;
import org.jspecify.annotations.Nullable;

/**
 * Which streams an operation covers: all of them, one category, or one stream.
 *
 * @param category the category, or null for all streams
 * @param streamId the id within {@code category}, or null for the whole category; only with a category
 */
public record StreamSelection(@Nullable String category, @Nullable String streamId) {

    public StreamSelection {
        if (streamId != null && category == null) {
            throw new IllegalArgumentException("a stream id needs its category");
        }
    }

    /** Every stream of the store. */
    public static StreamSelection all() {
        return new StreamSelection(null, null);
    }

    /** The streams of {@code category}. */
    public static StreamSelection category(String category) {
        return new StreamSelection(category, null);
    }

    /** One stream. */
    public static StreamSelection stream(StreamId streamId) {
        return new StreamSelection(streamId.category(), streamId.id());
    }

    /** "all streams", "category orders" or "stream orders-1": for messages. */
    public String describe() {
        if (category == null) {
            return "all streams";
        }
        return streamId == null ? "category " + category : "stream " + category + "-" + streamId;
    }
}
