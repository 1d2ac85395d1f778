package io.streamdingo.api.spi;

import java.util.List;

/**
 * Moves stored events of a persistent stream category to a broker: the transport end of the outbox relay
 * (JMS-1). The relay, in the engine, decides what to publish and keeps the position; a publisher only sends.
 * The Jakarta Messaging delivery implements it over Artemis.
 */
public interface EventPublisher extends AutoCloseable {

    /**
     * Sends {@code events}, all of streams of {@code category}, in order, returning only once the broker holds
     * them durably. Publishing an event again must be harmless (the broker drops duplicates by event id).
     *
     * @throws RuntimeException if the broker cannot be reached; the relay publishes the same events again later
     */
    void publish(String category, List<StoredEvent> events);

    /** Releases connections; idempotent. */
    @Override
    void close();
}
