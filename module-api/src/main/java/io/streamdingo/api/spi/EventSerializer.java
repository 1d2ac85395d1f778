package io.streamdingo.api.spi;

/**
 * Turns event payloads into bytes and back (ES-6). The engine's default uses Jackson and JSON; plug in
 * another (Avro, Protobuf, a differently configured Jackson) through the engine's builder.
 *
 * <p>Implementations are thread-safe and may throw any runtime exception on failure: the engine wraps it
 * with the stream, version and type it was working on.
 */
public interface EventSerializer {

    /** The media type of the bytes this serializer writes, e.g. {@code application/json}. */
    String contentType();

    /** Serializes {@code payload}, an instance of a registered event type. */
    byte[] serialize(Object payload);

    /**
     * Reads bytes written by {@link #serialize} back as {@code type}.
     *
     * @return the payload, never null
     */
    <T> T deserialize(byte[] data, Class<T> type);
}
