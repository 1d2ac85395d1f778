package io.streamdingo.api.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A declared subscription: who receives a stream's events and how (ST-2 to ST-5). Immutable; the
 * {@code with…} methods return changed copies.
 *
 * @param name the subscription's name, unique in the topology: letters, digits, {@code _ . -}, at most 100
 * @param stream the category of the {@link StreamDefinition} it consumes
 * @param mode how its events are shared among consumers
 * @param start where it starts the first time
 * @param eventTypes the event type names it receives; empty for all
 * @param visibilityTimeout how long a delivery may stay unacknowledged before it is delivered again, and how
 *     long a consumer that stops polling keeps its place (exclusive and group modes)
 * @param retry redelivery and dead-letter policy
 * @param unreadTimeout (read receipts) how long a delivered event may stay unread
 * @param unreadAction (read receipts) what happens when it does: requeue or dead-letter; null to drop it
 * @param receiveAs event type name → the schema version this subscription wants it in (SE-4): upcasting
 *     stops there instead of at the newest version; events stored in a newer version arrive as stored
 */
public record SubscriptionDefinition(
        String name,
        String stream,
        SubscriptionMode mode,
        StartPosition start,
        Set<String> eventTypes,
        Duration visibilityTimeout,
        RetryPolicy retry,
        Duration unreadTimeout,
        @org.jspecify.annotations.Nullable NackAction unreadAction,
        Map<String, Integer> receiveAs) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    /**
     * @throws IllegalArgumentException naming the subscription and the rule it breaks
     */
    public SubscriptionDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "subscription name '" + name + "' is invalid: use 1 to 100 letters, digits, '_', '.' or '-'");
        }
        io.streamdingo.api.StreamId.requireValidCategory(stream);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        eventTypes = Set.copyOf(eventTypes);
        requirePositive(name, "visibility timeout", visibilityTimeout);
        Objects.requireNonNull(retry, "retry");
        requirePositive(name, "unread timeout", unreadTimeout);
        receiveAs = Map.copyOf(receiveAs);
        receiveAs.forEach((type, version) -> {
            if (version < 1) {
                throw new IllegalArgumentException(
                        "subscription " + name + " asks for " + type + " version " + version + "; versions start at 1");
            }
        });
    }

    private static void requirePositive(String name, String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "subscription " + name + ": the " + what + " must be positive; got " + value);
        }
    }

    /**
     * A subscription of {@code stream} in {@code mode}, from the beginning, all event types, a 30 s visibility
     * timeout, the default retry policy, and (for read receipts) a 5 min unread timeout that requeues.
     */
    public static SubscriptionDefinition of(String name, String stream, SubscriptionMode mode) {
        return new SubscriptionDefinition(
                name,
                stream,
                mode,
                StartPosition.beginning(),
                Set.of(),
                Duration.ofSeconds(30),
                RetryPolicy.defaults(),
                Duration.ofMinutes(5),
                NackAction.REQUEUE,
                Map.of());
    }

    public SubscriptionDefinition startingAt(StartPosition value) {
        return new SubscriptionDefinition(
                name,
                stream,
                mode,
                value,
                eventTypes,
                visibilityTimeout,
                retry,
                unreadTimeout,
                unreadAction,
                receiveAs);
    }

    /** Only events of these type names. */
    public SubscriptionDefinition onlyTypes(String... typeNames) {
        return new SubscriptionDefinition(
                name,
                stream,
                mode,
                start,
                Set.of(typeNames),
                visibilityTimeout,
                retry,
                unreadTimeout,
                unreadAction,
                receiveAs);
    }

    public SubscriptionDefinition withVisibilityTimeout(Duration value) {
        return new SubscriptionDefinition(
                name, stream, mode, start, eventTypes, value, retry, unreadTimeout, unreadAction, receiveAs);
    }

    public SubscriptionDefinition withRetry(RetryPolicy value) {
        return new SubscriptionDefinition(
                name,
                stream,
                mode,
                start,
                eventTypes,
                visibilityTimeout,
                value,
                unreadTimeout,
                unreadAction,
                receiveAs);
    }

    /** Read receipts: what happens to a delivery still unread after {@code timeout}; null action drops it. */
    public SubscriptionDefinition withUnreadTimeout(
            Duration timeout, @org.jspecify.annotations.Nullable NackAction action) {
        return new SubscriptionDefinition(
                name, stream, mode, start, eventTypes, visibilityTimeout, retry, timeout, action, receiveAs);
    }

    /** Events of type {@code typeName} delivered in schema version {@code version} rather than the newest (SE-4). */
    public SubscriptionDefinition receivingAs(String typeName, int version) {
        Map<String, Integer> targets = new java.util.HashMap<>(receiveAs);
        targets.put(typeName, version);
        return new SubscriptionDefinition(
                name, stream, mode, start, eventTypes, visibilityTimeout, retry, unreadTimeout, unreadAction, targets);
    }

    /** True if events of type {@code typeName} pass the filter. */
    public boolean accepts(String typeName) {
        return eventTypes.isEmpty() || eventTypes.contains(typeName);
    }
}
