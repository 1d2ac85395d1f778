package io.streamdingo.benchmarks.postgres;

import io.streamdingo.benchmarks.OrderLineAdded;
import io.streamdingo.engine.serialization.JacksonEventSerializer;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * What a Jakarta EE team would otherwise pick: Axon Framework 4's JDBC event storage engine with its
 * PostgreSQL table, its Jackson serializer over the same object mapper, and its defaults otherwise. With no
 * transaction manager each {@code appendEvents} is one JDBC batch on an autocommit connection, which pgjdbc
 * sends as one implicit transaction: one commit per append call, as for the others.
 */
public final class AxonContender implements Contender {

    private static final String TYPE = "Order";

    private final BenchmarkDatabase database;
    private final JdbcEventStorageEngine engine;

    public AxonContender(BenchmarkDatabase database) {
        this.database = database;
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(JacksonEventSerializer.defaultMapper())
                .build();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(database.dataSource()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
    }

    @Override
    public String name() {
        return "Axon JDBC";
    }

    @Override
    public void reset() throws Exception {
        database.execute("TRUNCATE domainevententry", "VACUUM ANALYZE domainevententry");
    }

    @Override
    public void appendBatches(String streamId, int events, int perTransaction) {
        for (int from = 1; from <= events; from += perTransaction) {
            List<DomainEventMessage<?>> batch = new ArrayList<>(perTransaction);
            for (int i = from; i < from + perTransaction && i <= events; i++) {
                batch.add(event(streamId, i));
            }
            engine.appendEvents(batch);
        }
    }

    @Override
    public long read(String streamId) {
        long count = 0;
        long quantities = 0;
        DomainEventStream events = engine.readEvents(streamId, 0);
        while (events.hasNext()) {
            quantities += ((OrderLineAdded) events.next().getPayload()).quantity();
            count++;
        }
        return quantities >= 0 ? count : -1;
    }

    @Override
    public void appendOne(String streamId, long version) {
        engine.appendEvents(List.of(event(streamId, version)));
    }

    private static DomainEventMessage<OrderLineAdded> event(String streamId, long version) {
        return new GenericDomainEventMessage<>(
                TYPE, streamId, version - 1, OrderLineAdded.sample(streamId.hashCode(), (int) version));
    }
}
