package io.streamdingo.engine.delivery;

import io.streamdingo.api.streams.DeliverySemantics;
import io.streamdingo.api.streams.NackAction;
import io.streamdingo.api.streams.Retention;
import io.streamdingo.api.streams.RetryPolicy;
import io.streamdingo.api.streams.StartPosition;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.StreamType;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Streams and subscriptions declared through configuration keys (ST-1, OPS-7), read through any key → value
 * lookup (MicroProfile Config in a server):
 *
 * <pre>
 * streamdingo.streams.&lt;category&gt;.type                      PERSISTENT | EPHEMERAL
 * streamdingo.streams.&lt;category&gt;.semantics                 AT_MOST_ONCE | AT_LEAST_ONCE | EXACTLY_ONCE
 * streamdingo.streams.&lt;category&gt;.scope                     INTERNAL | CROSS_SERVICE | EXTERNAL
 * streamdingo.streams.&lt;category&gt;.retention.max-age         ISO-8601 duration, e.g. P30D
 * streamdingo.streams.&lt;category&gt;.retention.max-events      count
 * streamdingo.streams.&lt;category&gt;.retention.max-bytes       bytes
 * streamdingo.subscriptions.&lt;name&gt;.stream                  category (required unless an annotation declares it)
 * streamdingo.subscriptions.&lt;name&gt;.mode                    BROADCAST | EXCLUSIVE | CONSUMER_GROUP | READ_RECEIPT (likewise)
 * streamdingo.subscriptions.&lt;name&gt;.start                   beginning | latest | after:&lt;position&gt; | at:&lt;ISO instant&gt;
 * streamdingo.subscriptions.&lt;name&gt;.event-types             comma-separated type names
 * streamdingo.subscriptions.&lt;name&gt;.visibility-timeout      ISO-8601 duration
 * streamdingo.subscriptions.&lt;name&gt;.retry.max-attempts | .retry.initial-backoff | .retry.multiplier | .retry.max-backoff
 * streamdingo.subscriptions.&lt;name&gt;.unread.timeout | .unread.action (REQUEUE | DEAD_LETTER | DROP)
 * streamdingo.subscriptions.&lt;name&gt;.receive-as             type:version,type:version
 * </pre>
 *
 * Unset keys take the defaults of {@link StreamDefinition#persistent} and {@link SubscriptionDefinition#of}, or
 * those of a declaration the keys override (a {@code @Subscribe} annotation that declares the subscription).
 * A malformed value fails naming the key, the value and what is allowed.
 */
public final class ConfiguredTopology {

    static final String STREAMS = "streamdingo.streams.";
    static final String SUBSCRIPTIONS = "streamdingo.subscriptions.";
    private static final List<String> STREAM_KEYS =
            List.of("type", "semantics", "scope", "retention.max-age", "retention.max-events", "retention.max-bytes");
    private static final List<String> SUBSCRIPTION_KEYS = List.of(
            "stream",
            "mode",
            "start",
            "event-types",
            "visibility-timeout",
            "retry.max-attempts",
            "retry.initial-backoff",
            "retry.multiplier",
            "retry.max-backoff",
            "unread.timeout",
            "unread.action",
            "receive-as");

    private final Iterable<String> keys;
    private final Function<String, Optional<String>> values;

    /**
     * @param keys every configuration key there is
     * @param values the value of a key, if set
     */
    public ConfiguredTopology(Iterable<String> keys, Function<String, Optional<String>> values) {
        this.keys = keys;
        this.values = values;
    }

    /** The streams the configuration declares. */
    public List<StreamDefinition> streams() {
        return streams(Map.of());
    }

    /**
     * The streams the configuration declares, and {@code declared} (by category) with each configured key
     * overriding its part: a category with keys and no declaration starts from {@link StreamDefinition#persistent}.
     */
    public List<StreamDefinition> streams(Map<String, StreamDefinition> declared) {
        Set<String> categories = names(STREAMS, STREAM_KEYS);
        List<StreamDefinition> streams = new ArrayList<>();
        for (String category : categories) {
            String prefix = STREAMS + category + ".";
            StreamDefinition base = declared.getOrDefault(category, StreamDefinition.persistent(category));
            Retention retention = base.retention();
            streams.add(new StreamDefinition(
                    category,
                    enumValue(prefix + "type", StreamType.class).orElse(base.type()),
                    enumValue(prefix + "semantics", DeliverySemantics.class).orElse(base.semantics()),
                    enumValue(prefix + "scope", StreamScope.class).orElse(base.scope()),
                    new Retention(
                            duration(prefix + "retention.max-age").orElse(retention.maxAge()),
                            number(prefix + "retention.max-events").orElse(retention.maxEvents()),
                            number(prefix + "retention.max-bytes").orElse(retention.maxBytes()))));
        }
        declared.forEach((category, stream) -> {
            if (!categories.contains(category)) {
                streams.add(stream);
            }
        });
        return streams;
    }

    /** The subscriptions the configuration declares. */
    public List<SubscriptionDefinition> subscriptions() {
        return subscriptions(Map.of());
    }

    /**
     * The subscriptions the configuration declares, and {@code declared} (by name) with each configured key
     * overriding its part; a name with keys and no declaration needs its {@code stream} and {@code mode} keys.
     */
    public List<SubscriptionDefinition> subscriptions(Map<String, SubscriptionDefinition> declared) {
        Set<String> names = names(SUBSCRIPTIONS, SUBSCRIPTION_KEYS);
        List<SubscriptionDefinition> subscriptions = new ArrayList<>();
        for (String name : names) {
            String prefix = SUBSCRIPTIONS + name + ".";
            SubscriptionDefinition base = declared.get(name);
            if (base == null) {
                base = SubscriptionDefinition.of(
                        name,
                        required(prefix + "stream"),
                        enumValue(prefix + "mode", SubscriptionMode.class).orElseThrow(() -> missing(prefix + "mode")));
            }
            RetryPolicy retry = base.retry();
            subscriptions.add(new SubscriptionDefinition(
                    name,
                    values.apply(prefix + "stream")
                            .map(String::trim)
                            .filter(v -> !v.isEmpty())
                            .orElse(base.stream()),
                    enumValue(prefix + "mode", SubscriptionMode.class).orElse(base.mode()),
                    start(prefix + "start").orElse(base.start()),
                    values.apply(prefix + "event-types")
                            .map(ConfiguredTopology::list)
                            .orElse(base.eventTypes()),
                    duration(prefix + "visibility-timeout").orElse(base.visibilityTimeout()),
                    new RetryPolicy(
                            number(prefix + "retry.max-attempts")
                                    .map(Long::intValue)
                                    .orElse(retry.maxAttempts()),
                            duration(prefix + "retry.initial-backoff").orElse(retry.initialBackoff()),
                            decimal(prefix + "retry.multiplier").orElse(retry.multiplier()),
                            duration(prefix + "retry.max-backoff").orElse(retry.maxBackoff())),
                    duration(prefix + "unread.timeout").orElse(base.unreadTimeout()),
                    unreadAction(prefix + "unread.action", base.unreadAction()),
                    values.apply(prefix + "receive-as").isPresent()
                            ? receiveAs(prefix + "receive-as")
                            : base.receiveAs()));
        }
        declared.forEach((name, subscription) -> {
            if (!names.contains(name)) {
                subscriptions.add(subscription);
            }
        });
        return subscriptions;
    }

    private @Nullable NackAction unreadAction(String key, @Nullable NackAction otherwise) {
        Optional<String> value = values.apply(key).map(String::trim);
        if (value.isEmpty()) {
            return otherwise;
        }
        return value.get().equalsIgnoreCase("DROP") ? null : parseEnum(key, value.get(), NackAction.class);
    }

    /** The names between {@code prefix} and a known key suffix (subscription names may hold dots). */
    private Set<String> names(String prefix, List<String> suffixes) {
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            // a name listed without a value (a cleared system property) declares nothing
            if (!key.startsWith(prefix) || values.apply(key).isEmpty()) {
                continue;
            }
            String rest = key.substring(prefix.length());
            for (String suffix : suffixes) {
                if (rest.endsWith("." + suffix) && rest.length() > suffix.length() + 1) {
                    names.add(rest.substring(0, rest.length() - suffix.length() - 1));
                    break;
                }
            }
        }
        return names;
    }

    private String required(String key) {
        return values.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElseThrow(() -> missing(key));
    }

    private static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("configuration key " + key + " is required for this declaration");
    }

    private <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type) {
        return values.apply(key).map(value -> parseEnum(key, value, type));
    }

    private static <E extends Enum<E>> E parseEnum(String key, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private Optional<Duration> duration(String key) {
        return values.apply(key).map(value -> {
            try {
                return Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw invalid(key, value, "an ISO-8601 duration such as PT30S or P30D");
            }
        });
    }

    private Optional<Long> number(String key) {
        return values.apply(key).map(value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, value, "a whole number");
            }
        });
    }

    private Optional<Double> decimal(String key) {
        return values.apply(key).map(value -> {
            try {
                return Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, value, "a number such as 2.0");
            }
        });
    }

    private Optional<StartPosition> start(String key) {
        return values.apply(key).map(String::trim).map(value -> {
            try {
                if (value.equalsIgnoreCase("beginning")) {
                    return StartPosition.beginning();
                }
                if (value.equalsIgnoreCase("latest")) {
                    return StartPosition.latest();
                }
                if (value.startsWith("after:")) {
                    return StartPosition.after(Long.parseLong(value.substring(6)));
                }
                if (value.startsWith("at:")) {
                    return StartPosition.at(Instant.parse(value.substring(3)));
                }
            } catch (RuntimeException e) {
                throw invalid(key, value, "beginning, latest, after:<position> or at:<ISO instant>");
            }
            throw invalid(key, value, "beginning, latest, after:<position> or at:<ISO instant>");
        });
    }

    private Map<String, Integer> receiveAs(String key) {
        Map<String, Integer> targets = new TreeMap<>();
        values.apply(key).ifPresent(value -> {
            for (String item : list(value)) {
                int colon = item.lastIndexOf(':');
                try {
                    targets.put(
                            item.substring(0, colon).trim(),
                            Integer.parseInt(item.substring(colon + 1).trim()));
                } catch (RuntimeException e) {
                    throw invalid(key, value, "a list of type:version, such as shop.OrderPlaced:2");
                }
            }
        });
        return targets;
    }

    private static Set<String> list(String value) {
        Set<String> items = new TreeSet<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static IllegalArgumentException invalid(String key, String value, String allowed) {
        return new IllegalArgumentException(
                "configuration key " + key + " has the value '" + value + "'; it must be " + allowed);
    }
}
