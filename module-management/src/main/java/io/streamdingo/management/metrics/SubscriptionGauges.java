package io.streamdingo.management.metrics;

import io.streamdingo.api.streams.ConsumerPosition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of every declared subscription, registered when the application starts: its lag (the most events
 * waiting for any of its consumers), its position (the lowest stored position) and the dead letters it holds
 * now. Each subscription's figures are read at most once per {@link #FRESH_FOR} however often the registry is
 * scraped, since reading them asks the database; while they cannot be read the gauges show NaN (logged once
 * per outage) rather than an old figure.
 */
@ApplicationScoped
public class SubscriptionGauges {

    static final String LAG = "streamdingo.subscription.lag";
    static final String POSITION = "streamdingo.subscription.position";
    static final String DEAD_LETTERS = "streamdingo.dead.letters";

    /** How long one reading of a subscription's figures is shown before it is read again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(SubscriptionGauges.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    Topology topology;

    @Inject
    Subscriptions subscriptions;

    Clock clock = Clock.systemUTC();

    private final Map<String, Figures> figures = new ConcurrentHashMap<>();
    private volatile boolean failing;

    /** For the container. */
    SubscriptionGauges() {}

    /** Gauges of {@code topology}'s subscriptions in {@code registry}. */
    SubscriptionGauges(MetricRegistry registry, Topology topology, Subscriptions subscriptions, Clock clock) {
        this.registry = registry;
        this.topology = topology;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        register();
    }

    /** Registers the three gauges of each subscription. */
    void register() {
        for (SubscriptionDefinition subscription : topology.subscriptions()) {
            String name = subscription.name();
            Tag tag = new Tag("subscription", name);
            registry.gauge(
                    metadata(LAG, "Events waiting for the subscription's furthest-behind consumer", MetricUnits.NONE),
                    this,
                    gauges -> gauges.read(name).lag,
                    tag);
            registry.gauge(
                    metadata(
                            POSITION,
                            "The lowest global position the subscription's consumers have settled" + " up to",
                            MetricUnits.NONE),
                    this,
                    gauges -> gauges.read(name).position,
                    tag);
            registry.gauge(
                    metadata(DEAD_LETTERS, "Dead letters the subscription holds now", MetricUnits.NONE),
                    this,
                    gauges -> gauges.read(name).deadLetters,
                    tag);
        }
    }

    /** The subscription's figures, read again when older than {@link #FRESH_FOR}. */
    Figures read(String subscription) {
        Instant now = clock.instant();
        Figures known = figures.get(subscription);
        if (known != null && known.readAt.plus(FRESH_FOR).isAfter(now)) {
            return known;
        }
        Figures fresh;
        try {
            List<ConsumerPosition> positions = subscriptions.positions(subscription);
            fresh = new Figures(
                    now,
                    positions.stream().mapToLong(ConsumerPosition::lag).max().orElse(0),
                    positions.stream()
                            .mapToLong(ConsumerPosition::position)
                            .min()
                            .orElse(0),
                    subscriptions.deadLetters(subscription).size());
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, "subscription figures can be read again; the gauges show them");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(
                        Level.WARNING,
                        "subscription figures cannot be read ({0}); the gauges show NaN until they can",
                        e.toString());
            }
            fresh = new Figures(now, Double.NaN, Double.NaN, Double.NaN);
        }
        figures.put(subscription, fresh);
        return fresh;
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(unit)
                .build();
    }

    /** One reading of a subscription's figures. */
    record Figures(Instant readAt, double lag, double position, double deadLetters) {}
}
