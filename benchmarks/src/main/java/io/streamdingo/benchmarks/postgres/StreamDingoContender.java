package io.streamdingo.benchmarks.postgres;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.benchmarks.OrderLineAdded;
import io.streamdingo.engine.EventStores;
import io.streamdingo.store.jpa.JpaEventStoreBackend;
import io.streamdingo.store.jpa.SchemaMigrations;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** StreamDingo's JPA store on the benchmark database, through the public {@link EventStore} api. */
public final class StreamDingoContender implements Contender {

    private final BenchmarkDatabase database;
    private final EntityManagerFactory emf;
    private final EventStore store;

    public StreamDingoContender(BenchmarkDatabase database) {
        this.database = database;
        SchemaMigrations.migrate(database.dataSource());
        this.emf = Persistence.createEntityManagerFactory(
                "streamdingo-benchmark", Map.of("jakarta.persistence.nonJtaDataSource", database.dataSource()));
        this.store = EventStores.builder()
                .backend(new JpaEventStoreBackend(emf))
                .register(OrderLineAdded.class)
                .build();
    }

    @Override
    public String name() {
        return "StreamDingo";
    }

    @Override
    public void reset() throws Exception {
        database.execute("TRUNCATE sd_events, sd_streams", "VACUUM ANALYZE sd_events", "VACUUM ANALYZE sd_streams");
    }

    @Override
    public void appendBatches(String streamId, int events, int perTransaction) {
        StreamId stream = StreamId.of("bench", streamId);
        for (int from = 1; from <= events; from += perTransaction) {
            List<NewEvent> batch = new ArrayList<>(perTransaction);
            for (int i = from; i < from + perTransaction && i <= events; i++) {
                batch.add(NewEvent.of(OrderLineAdded.sample(streamId.hashCode(), i)));
            }
            store.append(stream, from == 1 ? ExpectedVersion.noStream() : ExpectedVersion.exact(from - 1), batch);
        }
    }

    @Override
    public long read(String streamId) {
        AtomicLong quantities = new AtomicLong();
        try (var events = store.read(StreamId.of("bench", streamId))) {
            return events.peek(e -> quantities.addAndGet(((OrderLineAdded) e.payload()).quantity()))
                    .count();
        }
    }

    @Override
    public void appendOne(String streamId, long version) {
        store.append(
                StreamId.of("bench", streamId),
                version == 1 ? ExpectedVersion.noStream() : ExpectedVersion.exact(version - 1),
                List.of(NewEvent.of(OrderLineAdded.sample(streamId.hashCode(), (int) version))));
    }

    @Override
    public void close() {
        store.close();
        emf.close();
    }
}
