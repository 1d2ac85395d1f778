package io.streamdingo.management.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.api.streams.Delivery;
import io.streamdingo.api.streams.EventConsumer;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.SubscriptionDefinition;
import io.streamdingo.api.streams.SubscriptionMode;
import io.streamdingo.api.streams.Subscriptions;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import io.streamdingo.tck.events.CartEvents.NoteAdded;
import io.streamdingo.tck.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory application for the API's tests: a persistent stream {@code orders} with a broadcast
 * subscription {@code news} and a consumer group {@code billing}, an ephemeral stream {@code pings} with a
 * subscription {@code radar}; a clock the test moves.
 */
final class ManagementFixture implements AutoCloseable {

    static final Caller VIEWER = new Caller("observer", true, false);
    static final Caller ADMIN = new Caller("operator", false, true);

    final TestClock clock = new TestClock(Instant.parse("2030-01-01T12:00:00Z"));
    final StoreEngine engine;
    final Topology topology = Topology.of(
            List.of(StreamDefinition.persistent("orders"), StreamDefinition.ephemeral("pings")),
            SubscriptionDefinition.of("news", "orders", SubscriptionMode.BROADCAST),
            SubscriptionDefinition.of("billing", "orders", SubscriptionMode.CONSUMER_GROUP),
            SubscriptionDefinition.of("radar", "pings", SubscriptionMode.BROADCAST)
                    .startingAt(io.streamdingo.api.streams.StartPosition.latest()));
    final Subscriptions subscriptions;
    final ManagementApi api;
    final ObjectMapper json = ManagementJson.mapper();

    /** The application with {@code ItemAdded}, {@code NoteAdded} and {@code moreEventTypes} registered. */
    ManagementFixture(Class<?>... moreEventTypes) {
        engine = EventStores.builder()
                .register(ItemAdded.class, NoteAdded.class)
                .register(moreEventTypes)
                .clock(clock)
                .buildEngine();
        subscriptions = EventStores.inMemorySubscriptions(engine, topology, EventStores.inMemoryOffsetStore(), clock);
        api = new ManagementApi(engine.store(), topology, subscriptions, List::of, engine.schemas());
    }

    /** Appends one {@code ItemAdded} per quantity to {@code orders-id}, a second of the clock apart. */
    List<RecordedEvent> append(String id, int... quantities) {
        List<RecordedEvent> written = new ArrayList<>();
        for (int quantity : quantities) {
            clock.advance(Duration.ofSeconds(1));
            StreamId stream = StreamId.of("orders", id);
            long version = engine.store()
                    .append(stream, ExpectedVersion.any(), NewEvent.of(new ItemAdded(id, quantity)))
                    .currentVersion();
            written.add(engine.store()
                    .read(stream, io.streamdingo.api.StreamRange.slice(version, version))
                    .findFirst()
                    .orElseThrow());
        }
        return written;
    }

    /** The quantities {@code consumer} receives now, each acknowledged. */
    static List<Integer> drain(EventConsumer consumer) {
        List<Integer> quantities = new ArrayList<>();
        for (Optional<Delivery> next = consumer.poll(Duration.ZERO);
                next.isPresent();
                next = consumer.poll(Duration.ZERO)) {
            quantities.add(((ItemAdded) next.get().event().payload()).quantity());
            next.get().ack();
        }
        return quantities;
    }

    ApiAnswer call(Caller caller, String method, String rawPath) {
        return call(caller, method, rawPath, Map.of(), "");
    }

    ApiAnswer call(Caller caller, String method, String rawPath, Map<String, List<String>> query, String body) {
        return api.handle(new ApiCall(method, ApiCall.segments(rawPath), query, body, caller));
    }

    /** The answer's body as a JSON tree. */
    JsonNode body(ApiAnswer answer) {
        return json.valueToTree(answer.body());
    }

    @Override
    public void close() {
        subscriptions.close();
        engine.close();
    }
}
