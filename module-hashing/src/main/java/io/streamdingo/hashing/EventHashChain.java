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
import org.jspecify.annotations.Nullable;

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
        if (!Sha256.isHash(previousHash)) {
            throw new IllegalArgumentException(
                    "a previous hash is 64 lower-case hex digits; got " + previousHash.length() + " characters");
        }
        MessageDigest digest = Sha256.digest();
        digest.update(Sha256.fromHex(previousHash));
        digest.update(FORMAT);
        text(digest, streamId.category());
        text(digest, streamId.id());
        number(digest, streamVersion);
        number(digest, eventId.getMostSignificantBits());
        number(digest, eventId.getLeastSignificantBits());
        text(digest, eventType);
        number(digest, schemaVersion);
        number(digest, recordedAt.getEpochSecond() * 1_000_000L + recordedAt.getNano() / 1_000);
        optionalText(digest, metadata.correlationId());
        optionalText(digest, metadata.causationId());
        optionalText(digest, metadata.userId());
        optionalText(digest, metadata.tenantId());
        optionalText(digest, metadata.partitionKey());
        Map<String, String> headers =
                metadata.headers().size() > 1 ? new TreeMap<>(metadata.headers()) : metadata.headers();
        number(digest, headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            text(digest, header.getKey());
            text(digest, header.getValue());
        }
        number(digest, payload.length);
        digest.update(payload);
        return Sha256.toHex(digest.digest());
    }

    private static void optionalText(MessageDigest digest, @Nullable String value) {
        if (value == null) {
            digest.update((byte) 0);
        } else {
            digest.update((byte) 1);
            text(digest, value);
        }
    }

    private static void text(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        number(digest, bytes.length);
        digest.update(bytes);
    }

    private static void number(MessageDigest digest, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
    }
}
