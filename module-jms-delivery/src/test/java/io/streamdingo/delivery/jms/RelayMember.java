package io.streamdingo.delivery.jms;

import io.streamdingo.api.streams.StreamDefinition;
import io.streamdingo.api.streams.Topology;
import io.streamdingo.engine.EventStores;
import io.streamdingo.engine.StoreEngine;
import io.streamdingo.engine.relay.OutboxRelay;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.JpaOffsetStore;
import io.streamdingo.tck.events.CartEvents.ItemAdded;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One server's outbox relay, started by {@link RelayFailoverProcessKillTest} as a JVM of its own: it relays one
 * category from the run's database to the broker every 20 ms, competing for the category's lease with the
 * other members, until it is killed.
 *
 * <p>Arguments: the JDBC URL, the broker's TCP URL, the broker prefix, the category, this member's name (its
 * node name, which its lease session carries), the lease timeout (ISO-8601).
 */
public final class RelayMember {

    private RelayMember() {}

    public static void main(String[] args) throws Exception {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(
                "streamdingo-fault", Map.of("jakarta.persistence.jdbc.url", args[0]));
        StoreEngine engine = EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(ItemAdded.class)
                .nodeName(args[4])
                .buildEngine();
        OutboxRelay relay = EventStores.outboxRelay(
                engine,
                Topology.of(List.of(StreamDefinition.persistent(args[3])), List.of()),
                new JmsEventPublisher(new ActiveMQConnectionFactory(args[1]), args[2]),
                new JpaOffsetStore(emf),
                500,
                Duration.parse(args[5]));
        System.out.println("relaying " + args[4]);
        while (true) {
            try {
                relay.publishPending();
            } catch (RuntimeException e) {
                System.out.println("relay run failed: " + e); // the next run tries again
            }
            Thread.sleep(20);
        }
    }
}
