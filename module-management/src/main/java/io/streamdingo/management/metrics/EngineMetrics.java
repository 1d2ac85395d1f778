package io.streamdingo.management.metrics;

import io.streamdingo.api.spi.EngineObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The engine's figures as MicroProfile Metrics in the application registry: the engine tells this observer
 * what it does (the engine's CDI producer finds it as an {@link EngineObserver} bean), and each call moves a
 * counter or a timer. Metrics are created on first use and kept; the registry's own lookup is not on the hot
 * path. Deployed with the management jar on a server with MicroProfile Metrics; without it the bean is not
 * there and the engine reports to nobody.
 */
@ApplicationScoped
public class EngineMetrics implements EngineObserver {

    static final String APPENDED = "streamdingo.events.appended";
    static final String PUBLISHED = "streamdingo.events.published";
    static final String PUBLISH_DELAY = "streamdingo.relay.publish.delay";
    static final String DELIVERED = "streamdingo.events.delivered";
    static final String ACKNOWLEDGED = "streamdingo.events.acknowledged";
    static final String NACKED = "streamdingo.events.nacked";
    static final String DEAD_LETTERED = "streamdingo.events.dead.lettered";
    static final String PROCESSING = "streamdingo.processing.time";
    static final String DUPLICATES = "streamdingo.duplicates.skipped";
    static final String REPLAYS = "streamdingo.replays";
    static final String SNAPSHOTS = "streamdingo.snapshots.written";
    static final String INTEGRITY = "streamdingo.integrity.failures";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(APPENDED, "Events appended to the event store, by stream category"),
            Map.entry(PUBLISHED, "Events the outbox relay handed to the broker, by stream category"),
            Map.entry(PUBLISH_DELAY, "Time from an event's commit to the relay handing it to the broker"),
            Map.entry(DELIVERED, "Events handed to a consumer (first deliveries and retries), by subscription"),
            Map.entry(ACKNOWLEDGED, "Events a consumer acknowledged, by subscription"),
            Map.entry(NACKED, "Events given back for a retry (a nack or a visibility timeout), by subscription"),
            Map.entry(DEAD_LETTERED, "Events that became dead letters, by subscription"),
            Map.entry(PROCESSING, "Time from handing an event to a consumer to its acknowledgement"),
            Map.entry(DUPLICATES, "Events skipped under exactly-once because they were processed already"),
            Map.entry(REPLAYS, "States rebuilt, by aggregate type and how the rebuild started"),
            Map.entry(SNAPSHOTS, "Snapshots stored, by aggregate type"),
            Map.entry(INTEGRITY, "Hash chains or snapshots that did not verify, by category"));

    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** For the container. */
    EngineMetrics() {}

    /** Metrics in {@code registry}. */
    EngineMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void appended(String category, int events) {
        counter(APPENDED, "category", category).inc(events);
    }

    @Override
    public void published(String category, Duration sinceRecorded) {
        counter(PUBLISHED, "category", category).inc();
        timer(PUBLISH_DELAY, "category", category).update(sinceRecorded);
    }

    @Override
    public void delivered(String subscription) {
        counter(DELIVERED, "subscription", subscription).inc();
    }

    @Override
    public void acknowledged(String subscription, Duration processing) {
        counter(ACKNOWLEDGED, "subscription", subscription).inc();
        timer(PROCESSING, "subscription", subscription).update(processing);
    }

    @Override
    public void nacked(String subscription) {
        counter(NACKED, "subscription", subscription).inc();
    }

    @Override
    public void deadLettered(String subscription) {
        counter(DEAD_LETTERED, "subscription", subscription).inc();
    }

    @Override
    public void duplicateSkipped(String subscription) {
        counter(DUPLICATES, "subscription", subscription).inc();
    }

    @Override
    public void replayed(String aggregateType, ReplayStart start) {
        counters.computeIfAbsent(
                        REPLAYS + '|' + aggregateType + '|' + start,
                        key -> registry.counter(
                                metadata(REPLAYS, MetricUnits.NONE),
                                new Tag("aggregate_type", aggregateType),
                                new Tag("start", start.name().toLowerCase(Locale.ROOT))))
                .inc();
    }

    @Override
    public void snapshotWritten(String aggregateType) {
        counter(SNAPSHOTS, "aggregate_type", aggregateType).inc();
    }

    @Override
    public void integrityFailed(String category) {
        counter(INTEGRITY, "category", category).inc();
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(
                name + '|' + value, key -> registry.counter(metadata(name, MetricUnits.NONE), new Tag(tag, value)));
    }

    private Timer timer(String name, String tag, String value) {
        return timers.computeIfAbsent(
                name + '|' + value, key -> registry.timer(metadata(name, MetricUnits.SECONDS), new Tag(tag, value)));
    }

    private static Metadata metadata(String name, String unit) {
        return Metadata.builder()
                .withName(name)
                .withDescription(DESCRIPTIONS.get(name))
                .withUnit(unit)
                .build();
    }
}
