package io.streamdingo.api.spi;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Where consumers' positions are kept (ST-5), so that they resume after a restart. The in-memory reference
 * and the Jakarta Persistence store implement it; every implementation passes the offset contract in
 * {@code io.streamdingo.tck}. Implementations are thread-safe.
 */
public interface OffsetStore {

    /**
     * The subscription name under which the outbox relay keeps, per stream category, the global position up to
     * which it has published ({@code load(RELAY, category)}): what health checks and operators read to see it
     * move.
     */
    String RELAY = "streamdingo-relay";

    /** The stored position of {@code consumerKey} in {@code subscription}, if any. */
    OptionalLong load(String subscription, String consumerKey);

    /** Stores a position, replacing the previous one. */
    void save(String subscription, String consumerKey, long position);

    /** Every stored position of {@code subscription}, by consumer key. */
    Map<String, Long> all(String subscription);

    /**
     * Forgets the position of {@code consumerKey} in {@code subscription}: a consumer of that key starts again
     * where the subscription's start position says.
     *
     * @return whether a position was stored
     */
    boolean remove(String subscription, String consumerKey);
}
