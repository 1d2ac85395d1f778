package io.streamdingo.api.streams;

import io.streamdingo.api.StreamId;
import java.util.Objects;

/**
 * A declared stream: the events of one category with the delivery guarantees their consumers get (ST-1).
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param category the stream category (rules of {@link StreamId}); every stream of it is covered
 * @param type ephemeral or persistent
 * @param semantics at most, at least or exactly once
 * @param scope internal or cross-service
 * @param retention how long events are kept
 */
public record StreamDefinition(
        String category, StreamType type, DeliverySemantics semantics, StreamScope scope, Retention retention) {

    /**
     * @throws IllegalArgumentException if the category breaks the stream id rules
     */
    public StreamDefinition {
        StreamId.requireValidCategory(category);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(semantics, "semantics");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(retention, "retention");
    }

    /** A persistent, at-least-once, internal stream that keeps everything: the defaults. */
    public static StreamDefinition persistent(String category) {
        return new StreamDefinition(
                category,
                StreamType.PERSISTENT,
                DeliverySemantics.AT_LEAST_ONCE,
                StreamScope.INTERNAL,
                Retention.unlimited());
    }

    /** An ephemeral, at-least-once, internal stream. */
    public static StreamDefinition ephemeral(String category) {
        return new StreamDefinition(
                category,
                StreamType.EPHEMERAL,
                DeliverySemantics.AT_LEAST_ONCE,
                StreamScope.INTERNAL,
                Retention.unlimited());
    }

    public StreamDefinition withSemantics(DeliverySemantics value) {
        return new StreamDefinition(category, type, value, scope, retention);
    }

    public StreamDefinition withScope(StreamScope value) {
        return new StreamDefinition(category, type, semantics, value, retention);
    }

    public StreamDefinition withRetention(Retention value) {
        return new StreamDefinition(category, type, semantics, scope, value);
    }
}
