package io.streamdingo.delivery.jms;

import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test wiring that knows when the broker hop is over: it wraps the relay's publisher and the transport,
 * remembers what was published per stream and what each channel has received, and waits until every channel
 * has received what was published to its stream since it opened. Channels hand their arrivals on unchanged.
 */
final class ArrivalTracking {

    private final Map<String, Long> lastPublished = new ConcurrentHashMap<>();
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final List<TrackedChannel> channels = new CopyOnWriteArrayList<>();

    EventPublisher publisher(EventPublisher publisher) {
        return new EventPublisher() {
            @Override
            public void publish(String category, List<StoredEvent> events) {
                publisher.publish(category, events);
                events.forEach(e -> lastPublished.merge(category, e.globalPosition(), Math::max));
            }

            @Override
            public void close() {
                publisher.close();
            }
        };
    }

    DeliveryTransport transport(DeliveryTransport transport) {
        return new DeliveryTransport() {
            @Override
            public void declare(Topology topology) {
                transport.declare(topology);
            }

            @Override
            public TransportChannel open(SubscriptionDefinition subscription, String consumerKey) {
                String stream = subscription.stream();
                TrackedChannel channel = new TrackedChannel(
                        transport.open(subscription, consumerKey),
                        stream,
                        lastPublished.getOrDefault(stream, 0L),
                        sent.getOrDefault(stream, 0L));
                channels.add(channel);
                return channel;
            }

            @Override
            public void send(StreamDefinition stream, StoredEvent message) {
                transport.send(stream, message);
                sent.merge(stream.category(), 1L, Long::sum);
            }

            @Override
            public boolean connected() {
                return transport.connected();
            }

            @Override
            public void close() {
                transport.close();
                channels.clear();
            }
        };
    }

    /** Waits (at most {@code limit}) until every open channel has what was published to it since it opened. */
    void awaitArrivals(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (TrackedChannel channel : channels) {
            while (!channel.caughtUp() && System.nanoTime() < deadline) {
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class TrackedChannel implements TransportChannel {
        private final TransportChannel channel;
        private final String stream;
        private final long publishedAtOpen;
        private final long sentAtOpen;
        private final List<StoredEvent> held = new ArrayList<>();
        private long highest;
        private long count;
        private volatile boolean closed;

        TrackedChannel(TransportChannel channel, String stream, long publishedAtOpen, long sentAtOpen) {
            this.channel = channel;
            this.stream = stream;
            this.publishedAtOpen = publishedAtOpen;
            this.sentAtOpen = sentAtOpen;
        }

        synchronized boolean caughtUp() {
            if (closed) {
                return true;
            }
            pump();
            long published = lastPublished.getOrDefault(stream, 0L);
            return (published <= publishedAtOpen || highest >= published)
                    && count >= sent.getOrDefault(stream, 0L) - sentAtOpen;
        }

        private void pump() {
            for (StoredEvent event : channel.arrived()) {
                held.add(event);
                highest = Math.max(highest, event.globalPosition());
                count++;
            }
        }

        @Override
        public synchronized List<StoredEvent> arrived() {
            pump();
            List<StoredEvent> out = List.copyOf(held);
            held.clear();
            return out;
        }

        @Override
        public void acknowledge(StoredEvent message) {
            channel.acknowledge(message);
        }

        @Override
        public long connections() {
            return channel.connections();
        }

        @Override
        public void close() {
            closed = true;
            channel.close();
        }
    }
}
