package io.streamdingo.engine.store;

import io.streamdingo.api.EventDeserializationException;
import io.streamdingo.api.EventMetadata;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.UnknownEventTypeException;
import io.streamdingo.api.spi.DataKey;
import io.streamdingo.api.spi.EventSerializer;
import io.streamdingo.api.spi.EventToStore;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.engine.privacy.PayloadProtection;
import io.streamdingo.engine.privacy.PersonalDataPlan;
import io.streamdingo.engine.types.EventTypeKey;
import io.streamdingo.engine.types.EventTypeRegistry;
import io.streamdingo.engine.types.UpcastPipeline;
import io.streamdingo.hashing.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns appended events into what a backend stores, and stored events back into what the application
 * reads: type names, serialization, size limit, metadata defaults, deserialization and upcasting.
 */
public final class EventCodec {

    private final EventTypeRegistry registry;
    private final UpcastPipeline upcasting;
    private final EventSerializer serializer;
    private final int maxPayloadBytes;
    private final boolean isJson;
    private final @Nullable PayloadProtection protection;

    public EventCodec(
            EventTypeRegistry registry, UpcastPipeline upcasting, EventSerializer serializer, int maxPayloadBytes) {
        this(registry, upcasting, serializer, maxPayloadBytes, null);
    }

    /**
     * A codec that encrypts the {@link io.streamdingo.api.privacy.PersonalData} fields of events with
     * {@code protection} (null: no event type holds personal data).
     */
    public EventCodec(
            EventTypeRegistry registry,
            UpcastPipeline upcasting,
            EventSerializer serializer,
            int maxPayloadBytes,
            @Nullable PayloadProtection protection) {
        this.registry = registry;
        this.upcasting = upcasting;
        this.serializer = serializer;
        this.maxPayloadBytes = maxPayloadBytes;
        this.isJson = serializer.contentType().startsWith("application/json");
        this.protection = protection;
    }

    /** Where the data subjects' keys are kept, if this store encrypts personal data. */
    java.util.Optional<SubjectKeyStore> subjectKeys() {
        return protection == null ? java.util.Optional.empty() : java.util.Optional.of(protection.keys());
    }

    /** The serializer events and snapshot states are written with. */
    EventSerializer serializer() {
        return serializer;
    }

    /** True if the serializer writes JSON, which is then stored and hashed in canonical form. */
    boolean writesJson() {
        return isJson;
    }

    /**
     * Serializes {@code event} for {@code streamId}, stamped with {@code recordedAt}.
     *
     * @throws UnknownEventTypeException if the payload's class is not registered
     * @throws IllegalArgumentException if the payload cannot be serialized or is too large
     */
    EventToStore encode(StreamId streamId, NewEvent event, Instant recordedAt) {
        Class<?> type = event.payload().getClass();
        EventTypeKey key =
                registry.keyFor(type).orElseThrow(() -> UnknownEventTypeException.forPayload(streamId, type));
        byte[] payload;
        try {
            payload = serializer.serialize(event.payload());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot serialize event " + event.eventId() + " (" + key + ") for stream " + streamId, e);
        }
        EventMetadata metadata = withDefaults(event);
        if (metadata.headers().containsKey(EventMetadata.REDACTED_HEADER)) {
            throw new IllegalArgumentException("event " + event.eventId() + " sets the header "
                    + EventMetadata.REDACTED_HEADER + ", which reads add to name redacted fields; leave it out");
        }
        if (protection != null) {
            PersonalDataPlan plan = PersonalDataPlan.of(type);
            if (plan.protects()) {
                // encrypted before canonical form, so the hash chain covers the ciphertext
                payload = protection.encrypt(payload, plan, event.eventId(), metadata);
            }
        }
        if (isJson) {
            // Stored canonical, so the hash chain can hash the bytes as they are (HS-4).
            payload = CanonicalJson.canonicalize(payload);
        }
        if (payload.length > maxPayloadBytes) {
            throw new IllegalArgumentException("event " + event.eventId() + " (" + key + ") for stream " + streamId
                    + " is " + payload.length + " bytes serialized; the limit is " + maxPayloadBytes
                    + " bytes: keep large data outside the event and store a reference");
        }
        return new EventToStore(event.eventId(), key.name(), key.version(), recordedAt, metadata, payload);
    }

    /** True if some registered event class is a {@code type}: events can be delivered to a {@code type} parameter. */
    boolean hasEventsOf(Class<?> type) {
        return registry.hasEventsOf(type);
    }

    /** The class the newest registered version of {@code typeName} is read as, if any. */
    java.util.Optional<Class<?>> newestClass(String typeName) {
        return registry.newestClass(typeName);
    }

    /** Correlation and causation default to the event's own id, so every event carries both (ES-5). */
    private static EventMetadata withDefaults(NewEvent event) {
        EventMetadata metadata = event.metadata();
        if (metadata.correlationId() != null && metadata.causationId() != null) {
            return metadata;
        }
        String ownId = event.eventId().toString();
        // one new record, not one per default: each construction checks every field again
        return new EventMetadata(
                metadata.correlationId() == null ? ownId : metadata.correlationId(),
                metadata.causationId() == null ? ownId : metadata.causationId(),
                metadata.userId(),
                metadata.tenantId(),
                metadata.partitionKey(),
                metadata.headers());
    }

    /**
     * The application's view of {@code stored}: deserialized and upcast to the newest version. Usually one
     * event; none if an upcaster dropped it, several if one split it. Split parts share the stored event's
     * versions; the first keeps its id, the others get ids derived from it.
     *
     * @throws UnknownEventTypeException if no class is registered for the stored type and version
     * @throws EventDeserializationException if the payload cannot be read or an upcaster fails
     */
    List<RecordedEvent> decode(StoredEvent stored) {
        return decode(stored, java.util.Map.of());
    }

    /** Like {@link #decode(StoredEvent)}, stopping upcasting at the versions {@code receiveAs} names (SE-4). */
    List<RecordedEvent> decode(StoredEvent stored, java.util.Map<String, Integer> receiveAs) {
        return decode(stored, receiveAs, null);
    }

    /**
     * Like {@link #decode(StoredEvent, java.util.Map)}, adding the keys that decrypted personal data to
     * {@code keysUsed} (if not null): what is built from the events holds those subjects' data.
     */
    List<RecordedEvent> decode(
            StoredEvent stored,
            java.util.Map<String, Integer> receiveAs,
            java.util.@Nullable Collection<DataKey> keysUsed) {
        // Registered name and version first: validating a key per event would cost more than reading it.
        Class<?> type =
                registry.classFor(stored.eventType(), stored.schemaVersion()).orElse(null);
        if (type == null) {
            try {
                new EventTypeKey(stored.eventType(), stored.schemaVersion());
            } catch (IllegalArgumentException e) {
                throw failure(stored, "the stored type name or version is malformed", e);
            }
            throw UnknownEventTypeException.forStored(
                    stored.streamId(), stored.streamVersion(), stored.eventType(), stored.schemaVersion());
        }
        byte[] bytes = stored.payload();
        EventMetadata metadata = stored.metadata();
        if (protection != null) {
            PersonalDataPlan plan = PersonalDataPlan.of(type);
            if (plan.protects()) {
                PayloadProtection.Decrypted clear;
                try {
                    clear = protection.decrypt(
                            bytes, plan, stored.eventId(), metadata, keysUsed == null ? List.of() : keysUsed);
                } catch (RuntimeException e) {
                    throw failure(stored, "its personal data cannot be decrypted (" + e.getMessage() + ")", e);
                }
                bytes = clear.payload();
                metadata = clear.mark(metadata);
                if (keysUsed != null) {
                    keysUsed.addAll(clear.opened());
                }
            }
        }
        Object payload;
        try {
            payload = serializer.deserialize(bytes, type);
        } catch (RuntimeException e) {
            throw failure(stored, "the payload is not a valid " + type.getName() + " (" + rootCauseName(e) + ")", e);
        }
        if (payload == null) {
            throw failure(stored, "the serializer returned null", null);
        }
        if (!upcasting.upcasts(type)) {
            return List.of(
                    recorded(stored, metadata, stored.eventId(), stored.eventType(), stored.schemaVersion(), payload));
        }
        List<Object> upcast;
        try {
            upcast = upcasting.upcast(payload, receiveAs);
        } catch (RuntimeException e) {
            throw failure(stored, "upcasting failed (" + rootCauseName(e) + ")", e);
        }
        List<RecordedEvent> out = new ArrayList<>(upcast.size());
        for (int i = 0; i < upcast.size(); i++) {
            Object part = upcast.get(i);
            UUID id = i == 0 ? stored.eventId() : partId(stored.eventId(), i);
            EventTypeKey partKey = EventTypeRegistry.keyOf(part.getClass());
            out.add(recorded(stored, metadata, id, partKey.name(), partKey.version(), part));
        }
        return out;
    }

    private static RecordedEvent recorded(
            StoredEvent stored, EventMetadata metadata, UUID id, String typeName, int version, Object payload) {
        return new RecordedEvent(
                id,
                stored.streamId(),
                stored.streamVersion(),
                stored.globalPosition(),
                typeName,
                version,
                stored.recordedAt(),
                metadata,
                payload);
    }

    private static UUID partId(UUID original, int index) {
        return UUID.nameUUIDFromBytes((original + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** Names the failure without quoting the payload, which may hold personal data (SEC-2). */
    private static String rootCauseName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static EventDeserializationException failure(StoredEvent stored, String reason, Throwable cause) {
        return new EventDeserializationException(
                stored.streamId(), stored.streamVersion(), stored.eventType(), stored.schemaVersion(), reason, cause);
    }
}
