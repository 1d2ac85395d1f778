package io.streamdingo.benchmarks;

import io.streamdingo.engine.EventStores;
import io.streamdingo.tck.store.ForwardingBackend;

/**
 * The in-memory backend seen only through the SPI, so that the store cannot keep decoded events beside it:
 * every read deserializes every payload, as a read from a database does. The replay figure "decoded from
 * bytes" comes from a store over this.
 */
final class BytesOnlyBackend extends ForwardingBackend {

    BytesOnlyBackend() {
        super(EventStores.inMemoryBackend());
    }
}
