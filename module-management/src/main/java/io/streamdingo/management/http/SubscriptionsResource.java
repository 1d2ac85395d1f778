package io.streamdingo.management.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdingo.api.streams.ConsumerPosition;
import io.streamdingo.api.streams.ConsumerStatus;
import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.RunningConsumers;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /subscriptions}: every declared subscription with its positions (position and lag per consumer key)
 * and the consumers running in this server (state, last progress); resetting and removing a position.
 */
final class SubscriptionsResource {

    private final Topology topology;
    private final Subscriptions subscriptions;
    private final RunningConsumers running;

    SubscriptionsResource(Topology topology, Subscriptions subscriptions, RunningConsumers running) {
        this.topology = topology;
        this.subscriptions = subscriptions;
        this.running = running;
    }

    /** {@code GET /subscriptions}: ordered by name, a page at a time. */
    Paging.Page<SubscriptionView> list(Paging paging) {
        String after = paging.after();
        return paging.page(
                topology.subscriptions().stream()
                        .sorted(Comparator.comparing(SubscriptionDefinition::name))
                        .filter(s -> after == null || s.name().compareTo(after) > 0)
                        .map(this::view),
                SubscriptionView::name);
    }

    /** {@code GET /subscriptions/{name}}. */
    SubscriptionView one(String name) {
        return view(definition(name));
    }

    /**
     * {@code PUT /subscriptions/{name}/positions/{key}} with {@code {"position": n}} or
     * {@code {"time": "2026-12-01T10:00:00Z"}}: the consumer next receives the events after that global
     * position, or from the first event recorded at or after that instant.
     */
    ConsumerPosition reset(String name, String key, JsonNode body) {
        definition(name);
        JsonNode position = body.get("position");
        JsonNode time = body.get("time");
        if ((position == null) == (time == null)) {
            throw ApiProblem.badInput(
                    "position",
                    "give either \"position\" (a global position, 0 or more) or \"time\" (an ISO-8601"
                            + " instant such as 2026-12-01T10:00:00Z), not both and not neither");
        }
        if (position != null
                && (!position.isIntegralNumber() || !position.canConvertToLong() || position.asLong() < 0)) {
            throw ApiProblem.badInput("position", "position must be a whole number, 0 or more; got " + position);
        }
        Instant instant = time == null ? null : instant(time);
        requireKnownKey(name, key);
        if (instant == null) {
            subscriptions.resetPosition(name, key, position.asLong());
        } else {
            subscriptions.resetPosition(name, key, instant);
        }
        return positionOf(name, key);
    }

    private static Instant instant(JsonNode time) {
        if (!time.isTextual()) {
            throw ApiProblem.badInput(
                    "time",
                    "time must be an ISO-8601 instant in a string, such as" + " \"2026-12-01T10:00:00Z\"; got " + time);
        }
        try {
            return Instant.parse(time.asText());
        } catch (DateTimeException e) {
            throw ApiProblem.badInput(
                    "time",
                    "time must be an ISO-8601 instant such as 2026-12-01T10:00:00Z;" + " got '" + time.asText() + "'");
        }
    }

    /** {@code DELETE /subscriptions/{name}/positions/{key}}: forgets a retired consumer's position. */
    void remove(String name, String key) {
        definition(name);
        requireKnownKey(name, key);
        try {
            subscriptions.removeConsumer(name, key);
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
    }

    private void requireKnownKey(String name, String key) {
        if (subscriptions.positions(name).stream()
                .noneMatch(p -> p.consumerKey().equals(key))) {
            throw ApiProblem.notFound("subscription " + name + " keeps no position for consumer key '" + key
                    + "'; GET /subscriptions/" + name + " lists its keys");
        }
    }

    private ConsumerPosition positionOf(String name, String key) {
        return subscriptions.positions(name).stream()
                .filter(p -> p.consumerKey().equals(key))
                .findFirst()
                .orElseThrow();
    }

    SubscriptionDefinition definition(String name) {
        return topology.subscription(name)
                .orElseThrow(() -> ApiProblem.notFound(
                        "subscription '" + name + "' is not declared; GET" + " /subscriptions lists them"));
    }

    private SubscriptionView view(SubscriptionDefinition definition) {
        var stream = topology.stream(definition.stream()).orElseThrow();
        List<ConsumerPosition> positions = subscriptions.positions(definition.name());
        List<Consumer> consumers = running.statuses().stream()
                .filter(status -> status.subscription().equals(definition.name()))
                .map(Consumer::of)
                .toList();
        return new SubscriptionView(
                definition.name(),
                definition.stream(),
                stream.type(),
                definition.mode(),
                stream.semantics(),
                definition.eventTypes(),
                positions.stream()
                        .map(p -> new Position(p.consumerKey(), p.position(), p.lag()))
                        .toList(),
                positions.stream().mapToLong(ConsumerPosition::lag).max().orElse(0),
                consumers,
                subscriptions.deadLetters(definition.name()).size(),
                definition.mode() == SubscriptionMode.READ_RECEIPT
                        ? subscriptions.unreadCount(definition.name())
                        : null);
    }

    /**
     * A subscription as an operator sees it.
     *
     * @param eventTypes the event types it lets through; empty for all
     * @param positions the stored positions, one per consumer key (per broadcast consumer, or per server of a
     *     consumer group)
     * @param lag the largest lag among the positions: how many of its events wait
     * @param consumers the {@code @Subscribe} consumers running in this server
     * @param deadLetters how many dead letters it holds
     * @param unread read-receipt subscriptions only: delivered events not yet marked read
     */
    record SubscriptionView(
            String name,
            String stream,
            StreamType streamType,
            SubscriptionMode mode,
            DeliverySemantics semantics,
            Set<String> eventTypes,
            List<Position> positions,
            long lag,
            List<Consumer> consumers,
            int deadLetters,
            @Nullable Long unread) {}

    /** A stored position: the global position up to which the key's consumers have settled, and the lag. */
    record Position(String consumerKey, long position, long lag) {}

    /** A consumer running in this server, as its supervisor sees it. */
    record Consumer(
            String consumerId,
            List<String> methods,
            ConsumerStatus.State state,
            Instant lastProgress,
            @Nullable Instant failingSince,
            int consecutiveFailures,
            @Nullable String lastError) {
        static Consumer of(ConsumerStatus status) {
            return new Consumer(
                    status.consumerId(),
                    status.methods(),
                    status.state(),
                    status.lastProgress(),
                    status.failingSince(),
                    status.consecutiveFailures(),
                    status.lastError());
        }
    }
}
