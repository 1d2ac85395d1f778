package io.streamdingo.api.spi;

import io.streamdingo.api.RecordedEvent;
import java.util.List;

/**
 * Turns a serialized event that arrived some other way than through the store (a broker message read by a
 * message-driven bean) into the application's events: deserialized and upcast like a read from the store
 * (SE-2). The engine's event store implements it.
 */
public interface EventDecoder {

    /**
     * The events {@code stored} stands for now: usually one, none or several when an upcaster dropped or
     * split it.
     *
     * @throws io.streamdingo.api.UnknownEventTypeException if its type is not registered
     * @throws io.streamdingo.api.EventDeserializationException if its payload cannot be read (named)
     */
    List<RecordedEvent> decode(StoredEvent stored);
}
