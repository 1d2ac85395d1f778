package io.streamdingo.delivery.jms;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.StoredEvent;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes a stored event into a bytes message and reads it back, losing nothing: the body is the payload as
 * stored (canonical JSON), everything else travels in the {@link EventHeaders} properties, so brokers and
 * selectors route without opening the body.
 */
public final class EventMessages {

    private EventMessages() {}

    /** Fills {@code message}, a new bytes message, with {@code event}. */
    public static BytesMessage write(BytesMessage message, StoredEvent event) throws JMSException {
        message.writeBytes(event.payload());
        String eventId = event.eventId().toString();
        message.setStringProperty(EventHeaders.DUPLICATE_ID, eventId);
        message.setStringProperty(EventHeaders.GROUP_ID, event.streamId().toString());
        message.setStringProperty(EventHeaders.EVENT_ID, eventId);
        message.setStringProperty(EventHeaders.EVENT_TYPE, event.eventType());
        message.setIntProperty(EventHeaders.SCHEMA_VERSION, event.schemaVersion());
        message.setStringProperty(EventHeaders.STREAM, event.streamId().toString());
        message.setLongProperty(EventHeaders.STREAM_VERSION, event.streamVersion());
        message.setLongProperty(EventHeaders.GLOBAL_POSITION, event.globalPosition());
        message.setStringProperty(EventHeaders.RECORDED_AT, event.recordedAt().toString());
        message.setStringProperty(EventHeaders.HASH, event.hash());
        EventMetadata metadata = event.metadata();
        if (metadata.correlationId() != null) {
            message.setStringProperty(EventHeaders.CORRELATION_ID, metadata.correlationId());
            message.setJMSCorrelationID(metadata.correlationId());
        }
        putIfPresent(message, EventHeaders.CAUSATION_ID, metadata.causationId());
        putIfPresent(message, EventHeaders.USER_ID, metadata.userId());
        putIfPresent(message, EventHeaders.TENANT_ID, metadata.tenantId());
        putIfPresent(message, EventHeaders.PARTITION_KEY, metadata.partitionKey());
        if (!metadata.headers().isEmpty()) {
            message.setStringProperty(EventHeaders.HEADERS, encode(metadata.headers()));
            putIfPresent(message, EventHeaders.TRACEPARENT, metadata.headers().get("traceparent"));
            putIfPresent(message, EventHeaders.TRACESTATE, metadata.headers().get("tracestate"));
        }
        return message;
    }

    /**
     * The stored event {@code message} carries.
     *
     * @throws IllegalArgumentException if it is not a StreamDingo event message (a property is missing or
     *     malformed; named)
     * @throws JMSException if the message cannot be read
     */
    public static StoredEvent read(Message message) throws JMSException {
        if (!(message instanceof BytesMessage bytes)) {
            throw new IllegalArgumentException("message " + message.getJMSMessageID() + " is a "
                    + message.getClass().getSimpleName() + ", not an event: StreamDingo events are bytes messages");
        }
        byte[] payload = new byte[(int) bytes.getBodyLength()];
        bytes.reset();
        bytes.readBytes(payload);
        try {
            EventMetadata metadata = new EventMetadata(
                    message.getStringProperty(EventHeaders.CORRELATION_ID),
                    message.getStringProperty(EventHeaders.CAUSATION_ID),
                    message.getStringProperty(EventHeaders.USER_ID),
                    message.getStringProperty(EventHeaders.TENANT_ID),
                    message.getStringProperty(EventHeaders.PARTITION_KEY),
                    decode(message.getStringProperty(EventHeaders.HEADERS)));
            return new StoredEvent(
                    eventId(message),
                    StreamId.parse(required(message, EventHeaders.STREAM)),
                    message.getLongProperty(EventHeaders.STREAM_VERSION),
                    message.getLongProperty(EventHeaders.GLOBAL_POSITION),
                    required(message, EventHeaders.EVENT_TYPE),
                    message.getIntProperty(EventHeaders.SCHEMA_VERSION),
                    Instant.parse(required(message, EventHeaders.RECORDED_AT)),
                    metadata,
                    payload,
                    message.propertyExists(EventHeaders.HASH) ? message.getStringProperty(EventHeaders.HASH) : "");
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "message " + message.getJMSMessageID() + " has a malformed StreamDingo property: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The id of the event {@code message} carries, without reading the rest.
     *
     * @throws IllegalArgumentException if it has none (not published by StreamDingo) or a malformed one
     */
    public static UUID eventId(Message message) throws JMSException {
        return UUID.fromString(required(message, EventHeaders.EVENT_ID));
    }

    private static String required(Message message, String property) throws JMSException {
        String value = message.getStringProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("message " + message.getJMSMessageID() + " has no property " + property
                    + ": it was not published by StreamDingo");
        }
        return value;
    }

    private static void putIfPresent(Message message, String property, @Nullable String value) throws JMSException {
        if (value != null) {
            message.setStringProperty(property, value);
        }
    }

    /** Header names are free text, JMS property names are not: all headers travel in one encoded property. */
    private static String encode(Map<String, String> headers) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(headers).forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    private static Map<String, String> decode(@Nullable String encoded) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return headers;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("header list '" + encoded + "' is malformed");
            }
            headers.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
