package io.streamdingo.it.shop;

import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.StreamScope;
import io.streamdingo.api.streams.Subscribe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A second service, deployed beside the bank (JMS-3): its own in-memory event store, no access to the bank's
 * database, and the bank's account stream declared {@code EXTERNAL}, consumed by an annotated method through
 * the broker. It knows the bank's event types from {@code BankEvents}, as a shared events library would bring
 * them. {@code GET /shop/api/seen} lists the event ids it received.
 */
public final class ShopService {

    private ShopService() {}

    /** The bank's account stream, as this service sees it (its subscription is declared by {@link Seen}). */
    @ApplicationScoped
    public static class Topology {
        @Produces
        StreamDefinition accounts() {
            return StreamDefinition.persistent("account").withScope(StreamScope.EXTERNAL);
        }
    }

    /** The broker, reached as a client. */
    @ApplicationScoped
    public static class Broker {
        @Produces
        @Singleton
        ConnectionFactory connections() {
            return new ActiveMQConnectionFactory("tcp://127.0.0.1:61616?reconnectAttempts=-1");
        }

        void close(@Disposes ConnectionFactory connections) {
            ((ActiveMQConnectionFactory) connections).close();
        }
    }

    /** The consumer: no messaging code, and its annotation declares the subscription (a consumer group). */
    @ApplicationScoped
    public static class Seen {
        private final List<String> eventIds = new CopyOnWriteArrayList<>();

        @Subscribe(value = "shop-accounts", stream = "account")
        void saw(RecordedEvent event) {
            eventIds.add(event.eventId() + " " + event.payload().getClass().getSimpleName());
        }

        List<String> eventIds() {
            return List.copyOf(eventIds);
        }
    }

    /** {@code GET /shop/api/seen}. */
    @Path("seen")
    public static class SeenResource {
        @Inject
        Seen seen;

        @GET
        public String list() {
            return String.join("\n", seen.eventIds());
        }
    }

    @ApplicationPath("api")
    public static class Api extends Application {}
}
