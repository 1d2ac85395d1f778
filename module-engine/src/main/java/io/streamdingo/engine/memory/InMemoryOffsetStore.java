package io.streamdingo.engine.memory;

import io.streamdingo.api.spi.OffsetStore;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** The reference {@link OffsetStore}: positions in memory, surviving a restart of the delivery, not of the JVM. */
public final class InMemoryOffsetStore implements OffsetStore {

    private final Map<String, Map<String, Long>> positions = new ConcurrentHashMap<>();

    @Override
    public OptionalLong load(String subscription, String consumerKey) {
        Long position = positions.getOrDefault(subscription, Map.of()).get(consumerKey);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    @Override
    public void save(String subscription, String consumerKey, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a position is 0 or more; got " + position);
        }
        positions.computeIfAbsent(subscription, s -> new ConcurrentHashMap<>()).put(consumerKey, position);
    }

    @Override
    public Map<String, Long> all(String subscription) {
        return Map.copyOf(positions.getOrDefault(subscription, Map.of()));
    }

    @Override
    public boolean remove(String subscription, String consumerKey) {
        Map<String, Long> kept = positions.get(subscription);
        return kept != null && kept.remove(consumerKey) != null;
    }
}
