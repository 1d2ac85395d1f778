package io.streamdingo.hashing;

import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.spi.EventChain;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The event hash chain (HS-4): {@code hash = SHA-256(previousHash ‖ canonical event)}.
 *
 * <p>The canonical event is a length-prefixed binary encoding of everything the store keeps about an event
 * except its global position (assigned at commit): format tag, stream, version, event id, type name,
 * schema version, recorded-at in microseconds, each metadata field, the headers sorted by name, and the
 * payload in {@linkplain CanonicalJson canonical JSON}. Changing any of them, or moving the event to another
 * place in the chain, changes its hash and every hash after it.
 */
public final class EventHashChain implements EventChain {

    private static final byte[] FORMAT = "streamdingo-event-v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * {@inheritDoc}
     *
     * <p>The engine hands the backend payloads already in canonical JSON, so they are hashed as they are.
     */
    @Override
    public String link(String previousHash, StreamId streamId, long streamVersion, EventToStore event) {
        return hash(
                previousHash,
                streamId,
                streamVersion,
                event.eventId(),
                event.eventType(),
                event.schemaVersion(),
                event.recordedAt(),
                event.metadata(),
                event.payload());
    }

    /**
     * The hash {@code stored} must have if the event before it hashes to {@code previousHash}. The payload is
     * hashed as stored and, if that does not give the stored hash, in canonical form: a store that reformats
     * JSON (PostgreSQL {@code jsonb}) costs a parse, one that keeps bytes (memory, H2, MariaDB) does not. As
     * every hash was computed over canonical bytes, both ways accept exactly the same events.
     */
    public String expectedHash(String previousHash, StoredEvent stored) {
        String asStored = hash(previousHash, stored, stored.payload());
        if (asStored.equals(stored.hash())) {
            return asStored;
        }
        byte[] canonical;
        try {
            canonical = CanonicalJson.canonicalize(stored.payload());
        } catch (IllegalArgumentException e) {
            return asStored; // not even JSON any more: the stored hash cannot match
        }
        return hash(previousHash, stored, canonical);
    }

    private static String hash(String previousHash, StoredEvent stored, byte[] payload) {
        return hash(
                previousHash,
                stored.streamId(),
                stored.streamVersion(),
                stored.eventId(),
                stored.eventType(),
                stored.schemaVersion(),
                stored.recordedAt(),
                stored.metadata(),
                payload);
    }

    private static String hash(
            String previousHash,
            StreamId streamId,
            long streamVersion,
            UUID eventId,
            String eventType,
            int schemaVersion,
            Instant recordedAt,
            EventMetadata metadata,
            byte[] payload) {
        // fromHex checks the digits; a full isHash scan per link would cost as much again
        if (previousHash.length() != 64) {
            throw new IllegalArgumentException(
                    "a previous hash is 64 lower-case hex digits; got " + previousHash.length() + " characters");
        }
        CanonicalEventWriter out = CanonicalEventWriter.reset();
        out.bytes(Sha256.fromHex(previousHash));
        out.bytes(FORMAT);
        out.text(streamId.category());
        out.text(streamId.id());
        out.number(streamVersion);
        out.number(eventId.getMostSignificantBits());
        out.number(eventId.getLeastSignificantBits());
        out.text(eventType);
        out.number(schemaVersion);
        out.number(recordedAt.getEpochSecond() * 1_000_000L + recordedAt.getNano() / 1_000);
        out.optionalText(metadata.correlationId());
        out.optionalText(metadata.causationId());
        out.optionalText(metadata.userId());
        out.optionalText(metadata.tenantId());
        out.optionalText(metadata.partitionKey());
        Map<String, String> headers =
                metadata.headers().size() > 1 ? new TreeMap<>(metadata.headers()) : metadata.headers();
        out.number(headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            out.text(header.getKey());
            out.text(header.getValue());
        }
        out.number(payload.length);
        out.bytes(payload);
        MessageDigest digest = Sha256.digest();
        out.into(digest);
        return Sha256.toHex(digest.digest());
    }
}
