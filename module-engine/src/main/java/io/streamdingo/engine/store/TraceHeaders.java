package io.streamdingo.engine.store;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.NewEvent;
import java.util.Map;

/**
 * Puts an append's trace context into an event's metadata headers, where the relay, the broker message and
 * every consumer find it. A header the application set itself is kept (it continues a trace of its own
 * choosing), and an event whose headers are full goes untraced rather than failing.
 */
final class TraceHeaders {

    private TraceHeaders() {}

    static NewEvent carry(NewEvent event, Map<String, String> trace) {
        if (trace.isEmpty()) {
            return event;
        }
        EventMetadata metadata = event.metadata();
        for (Map.Entry<String, String> header : trace.entrySet()) {
            if (metadata.headers().containsKey(header.getKey())
                    || header.getValue().length() > EventMetadata.MAX_VALUE_LENGTH) {
                return event;
            }
        }
        if (metadata.headers().size() + trace.size() > EventMetadata.MAX_HEADERS) {
            return event;
        }
        for (Map.Entry<String, String> header : trace.entrySet()) {
            metadata = metadata.withHeader(header.getKey(), header.getValue());
        }
        return event.withMetadata(metadata);
    }
}
