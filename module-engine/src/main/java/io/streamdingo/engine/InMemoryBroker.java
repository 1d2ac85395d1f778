package io.streamdingo.engine;

import io.streamdingo.api.spi.DeliveryTransport;
import io.streamdingo.api.spi.EventPublisher;
import io.streamdingo.api.spi.StoredEvent;
import io.streamdingo.api.spi.TransportChannel;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Topology;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The reference {@link DeliveryTransport} (and the {@link EventPublisher} an outbox relay publishes with): a
 * broker in this JVM that behaves like the Artemis set-up of the Jakarta Messaging delivery, so that the
 * engine's merging of store and broker is tested without one. Each stream category is an address; each
 * subscription a durable queue bound to it (for broadcast subscriptions one per consumer key), holding what
 * was published from its creation until it is acknowledged. An address drops a message whose event id it saw
 * before (duplicate detection). Consumers of one queue share it as the modes say: an exclusive queue serves
 * its first open channel only; consumer-group and read-receipt queues pin each stream to one channel while
 * that channel holds its messages (message groups); a closed channel's unacknowledged messages go back to the
 * front of its queue. Everything is lost with the object: it is not durable across processes.
 */
public final class InMemoryBroker implements DeliveryTransport, EventPublisher {

    private final Object lock = new Object();
    /** Queues by name, and the queue names bound to each category. */
    private final Map<String, Queue> queues = new HashMap<>();

    private final Map<String, Set<String>> bindings = new HashMap<>();
    private final Map<String, Set<UUID>> seen = new HashMap<>();
    private boolean open = true;

    @Override
    public void declare(Topology topology) {
        Objects.requireNonNull(topology, "topology");
        synchronized (lock) {
            requireOpen();
            for (SubscriptionDefinition subscription : topology.subscriptions()) {
                if (subscription.mode() != SubscriptionMode.BROADCAST) {
                    queue(subscription, subscription.name());
                }
            }
        }
    }

    @Override
    public TransportChannel open(SubscriptionDefinition subscription, String consumerKey) {
        synchronized (lock) {
            requireOpen();
            Queue queue = queue(subscription, consumerKey);
            Channel channel = new Channel(queue);
            queue.channels.add(channel);
            queue.dispatch();
            return channel;
        }
    }

    @Override
    public void send(StreamDefinition stream, StoredEvent message) {
        synchronized (lock) {
            requireOpen();
            route(stream.category(), message);
        }
    }

    @Override
    public void publish(String category, List<StoredEvent> events) {
        synchronized (lock) {
            requireOpen();
            events.forEach(event -> route(category, event));
        }
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public void close() {
        synchronized (lock) {
            open = false;
            queues.values().forEach(queue -> List.copyOf(queue.channels).forEach(Channel::closeLocked));
        }
    }

    private Queue queue(SubscriptionDefinition subscription, String consumerKey) {
        String name = subscription.mode() == SubscriptionMode.BROADCAST
                ? subscription.name() + "." + consumerKey
                : subscription.name();
        return queues.computeIfAbsent(name, n -> {
            bindings.computeIfAbsent(subscription.stream(), c -> new HashSet<>())
                    .add(n);
            return new Queue(subscription.mode());
        });
    }

    private void route(String category, StoredEvent message) {
        if (!seen.computeIfAbsent(category, c -> new HashSet<>()).add(message.eventId())) {
            return;
        }
        for (String name : bindings.getOrDefault(category, Set.of())) {
            Queue queue = queues.get(name);
            queue.waiting.addLast(message);
            queue.dispatch();
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the in-memory broker is closed");
        }
    }

    /** One durable queue and the channels consuming it. Guarded by the broker's lock. */
    private final class Queue {
        final SubscriptionMode mode;
        final ArrayDeque<StoredEvent> waiting = new ArrayDeque<>();
        final List<Channel> channels = new ArrayList<>();
        /** Consumer groups: the channel each stream is pinned to while it holds that stream's messages. */
        final Map<String, Channel> groups = new HashMap<>();

        int next;

        Queue(SubscriptionMode mode) {
            this.mode = mode;
        }

        /** Hands waiting messages to the channels the mode allows, in order. */
        void dispatch() {
            if (channels.isEmpty()) {
                return;
            }
            List<StoredEvent> kept = new ArrayList<>();
            while (!waiting.isEmpty()) {
                StoredEvent message = waiting.pollFirst();
                Channel target = target(message);
                if (target == null) {
                    kept.add(message);
                } else {
                    target.deliver(message);
                }
            }
            waiting.addAll(kept);
        }

        private Channel target(StoredEvent message) {
            if (mode == SubscriptionMode.EXCLUSIVE || mode == SubscriptionMode.BROADCAST) {
                return channels.get(0);
            }
            String group = message.streamId().toString();
            Channel pinned = groups.get(group);
            if (pinned != null && channels.contains(pinned)) {
                return pinned;
            }
            Channel chosen = channels.get(Math.floorMod(next++, channels.size()));
            groups.put(group, chosen);
            return chosen;
        }
    }

    /** One consumer of a queue. */
    private final class Channel implements TransportChannel {
        private final Queue queue;
        private final ArrayDeque<StoredEvent> arrivals = new ArrayDeque<>();
        /** Delivered to this channel and not acknowledged, by event id, in delivery order. */
        private final Map<UUID, StoredEvent> held = new LinkedHashMap<>();

        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        private boolean closed;

        Channel(Queue queue) {
            this.queue = queue;
        }

        void deliver(StoredEvent message) {
            held.put(message.eventId(), message);
            arrivals.addLast(message);
            listeners.forEach(Runnable::run);
        }

        @Override
        public List<StoredEvent> arrived() {
            synchronized (lock) {
                List<StoredEvent> out = new ArrayList<>(arrivals);
                arrivals.clear();
                return out;
            }
        }

        @Override
        public void acknowledge(StoredEvent message) {
            synchronized (lock) {
                if (!closed) {
                    held.remove(message.eventId());
                }
            }
        }

        @Override
        public long connections() {
            return 1;
        }

        @Override
        public void onArrival(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public void close() {
            synchronized (lock) {
                closeLocked();
            }
        }

        /** Gives back what it holds, to the front of the queue in its order, and leaves the queue. */
        void closeLocked() {
            if (closed) {
                return;
            }
            closed = true;
            queue.channels.remove(this);
            queue.groups.values().removeIf(channel -> channel == this);
            List<StoredEvent> back = new ArrayList<>(held.values());
            for (int i = back.size() - 1; i >= 0; i--) {
                queue.waiting.addFirst(back.get(i));
            }
            held.clear();
            arrivals.clear();
            queue.dispatch();
        }
    }
}
