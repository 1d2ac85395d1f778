package io.streamdingo.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The context an event is appended in (ES-5): who caused it, in which business process, for which tenant,
 * and free-form headers. The envelope fields that the store assigns (event id, type, schema version,
 * timestamp, versions) live on {@link RecordedEvent}.
 *
 * <p>All fields but {@code headers} may be null. Build instances with {@link #empty()} and the
 * {@code with…} methods; every instance is immutable.
 *
 * @param correlationId the business process (workflow) this event belongs to; when absent, the store uses
 *     the event's own id
 * @param causationId the id of the event or command that caused this one; when absent, the store uses the
 *     event's own id
 * @param userId the user on whose behalf the event was appended
 * @param tenantId the tenant the event belongs to
 * @param partitionKey the key that keeps related events in order when they are delivered in parallel
 * @param headers free-form string headers, at most {@value #MAX_HEADERS} of them
 */
public record EventMetadata(
        @Nullable String correlationId,
        @Nullable String causationId,
        @Nullable String userId,
        @Nullable String tenantId,
        @Nullable String partitionKey,
        Map<String, String> headers) {

    /** Most headers an event may carry. */
    public static final int MAX_HEADERS = 64;

    /** Longest value of any metadata field or header, in characters. */
    public static final int MAX_VALUE_LENGTH = 1_000;

    private static final EventMetadata EMPTY = new EventMetadata(null, null, null, null, null, Map.of());

    /**
     * @throws IllegalArgumentException if a value is longer than {@value #MAX_VALUE_LENGTH} characters, a
     *     header name is blank, or there are more than {@value #MAX_HEADERS} headers
     */
    public EventMetadata {
        check("correlationId", correlationId);
        check("causationId", causationId);
        check("userId", userId);
        check("tenantId", tenantId);
        check("partitionKey", partitionKey);
        if (headers == null) {
            headers = Map.of();
        }
        if (headers.size() > MAX_HEADERS) {
            throw new IllegalArgumentException(
                    "an event may carry at most " + MAX_HEADERS + " headers but got " + headers.size());
        }
        headers.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header names must not be null or blank");
            }
            check("header '" + StreamId.printable(name) + "'", name);
            check("header '" + StreamId.printable(name) + "'", value);
            if (value == null) {
                throw new IllegalArgumentException(
                        "header '" + StreamId.printable(name) + "' has a null value; leave the header out instead");
            }
        });
        headers = Map.copyOf(headers);
    }

    /**
     * The header a read adds, never stored, naming the {@linkplain io.streamdingo.api.privacy.PersonalData personal
     * data} fields that read as null because their subject was forgotten: their paths, comma-separated. An append
     * must not set it.
     */
    public static final String REDACTED_HEADER = "streamdingo-redacted";

    /**
     * The paths of the personal-data fields of this event that read as null because their subject was forgotten
     * ({@code name}, {@code address.street}, {@code contacts[0].email}), in the order the stored payload holds them;
     * empty if none.
     */
    public java.util.List<String> redactedFields() {
        String paths = headers.get(REDACTED_HEADER);
        return paths == null || paths.isEmpty() ? java.util.List.of() : java.util.List.of(paths.split(","));
    }

    /** Metadata with every field absent and no headers. */
    public static EventMetadata empty() {
        return EMPTY;
    }

    public EventMetadata withCorrelationId(@Nullable String value) {
        return new EventMetadata(value, causationId, userId, tenantId, partitionKey, headers);
    }

    public EventMetadata withCausationId(@Nullable String value) {
        return new EventMetadata(correlationId, value, userId, tenantId, partitionKey, headers);
    }

    public EventMetadata withUserId(@Nullable String value) {
        return new EventMetadata(correlationId, causationId, value, tenantId, partitionKey, headers);
    }

    public EventMetadata withTenantId(@Nullable String value) {
        return new EventMetadata(correlationId, causationId, userId, value, partitionKey, headers);
    }

    public EventMetadata withPartitionKey(@Nullable String value) {
        return new EventMetadata(correlationId, causationId, userId, tenantId, value, headers);
    }

    /** A copy with the header {@code name} set to {@code value}, replacing an earlier value. */
    public EventMetadata withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new EventMetadata(correlationId, causationId, userId, tenantId, partitionKey, copy);
    }

    private static void check(String field, @Nullable String value) {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(field + " is " + value.length()
                    + " characters long; metadata values are limited to " + MAX_VALUE_LENGTH);
        }
    }
}
