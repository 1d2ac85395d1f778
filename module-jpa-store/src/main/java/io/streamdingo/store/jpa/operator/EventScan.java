package io.streamdingo.store.jpa.operator;

import io.streamdingo.api.spi.StoredEvent;
import org.jspecify.annotations.Nullable;

/** Receives a scan's events in stream and version order. */
@FunctionalInterface
public interface EventScan {

    /**
     * One event.
     *
     * @param head its stream's head row (the same instance for every event of a stream), or null if the
     *     stream has none, which only tampering causes
     */
    void event(StoredEvent event, @Nullable StreamHead head);
}
