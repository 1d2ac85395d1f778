package io.streamdingo.store.jpa;

import io.streamdingo.api.spi.EventSerializer;
import java.nio.charset.StandardCharsets;

/** Serializers of other formats than JSON, to show what the JPA store does with their bytes. */
final class PayloadFormats {

    private PayloadFormats() {}

    /** Writes bytes that are not UTF-8 text, as Avro or Protobuf would. */
    static EventSerializer binary() {
        return new Fixed("application/octet-stream", new byte[] {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF});
    }

    /** Writes UTF-8 text that is not JSON. */
    static EventSerializer xml() {
        return new Fixed("application/xml", "<item sku=\"a\"/>".getBytes(StandardCharsets.UTF_8));
    }

    private record Fixed(String contentType, byte[] bytes) implements EventSerializer {
        @Override
        public byte[] serialize(Object payload) {
            return bytes.clone();
        }

        @Override
        public <T> T deserialize(byte[] data, Class<T> type) {
            throw new UnsupportedOperationException("write-only: these tests never read the payload back");
        }
    }
}
