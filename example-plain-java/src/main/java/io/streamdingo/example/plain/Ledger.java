package io.streamdingo.example.plain;

import io.streamdingo.api.EventStore;
import io.streamdingo.api.ExpectedVersion;
import io.streamdingo.api.NewEvent;
import io.streamdingo.api.RecordedEvent;
import io.streamdingo.api.StreamId;
import io.streamdingo.engine.EventStores;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An account ledger in plain Java. The store is built without a backend: with
 * {@code -Dstreamdingo.store.jpa.url=jdbc:…} (and {@code .user}, {@code .password}) the JPA store keeps the
 * events in that database, without it they stay in memory.
 *
 * <pre>{@code
 * java -Dstreamdingo.store.jpa.url=jdbc:h2:./ledger -p <jars> -m io.streamdingo.example.plain/io.streamdingo.example.plain.Ledger acct-1 250
 * }</pre>
 */
public final class Ledger implements AutoCloseable {

    private final EventStore store;

    /** A ledger over the store that {@code settings} configure. */
    public Ledger(Function<String, Optional<String>> settings) {
        this.store = EventStores.builder()
                .settings(settings)
                .registerIndexed(Ledger.class.getClassLoader())
                .build();
    }

    /** Records a deposit on {@code account}. */
    public void deposit(String account, long cents) {
        store.append(StreamId.of("ledger", account), ExpectedVersion.any(), NewEvent.of(new Deposited(cents)));
    }

    /** The sum of {@code account}'s deposits, replayed from its events. */
    public long balance(String account) {
        try (Stream<RecordedEvent> events = store.read(StreamId.of("ledger", account))) {
            return events.map(RecordedEvent::payload)
                    .mapToLong(event -> ((Deposited) event).cents())
                    .sum();
        }
    }

    @Override
    public void close() {
        store.close();
    }

    /** Deposits {@code args[1]} cents on account {@code args[0]} and prints its balance. */
    public static void main(String[] args) {
        try (Ledger ledger = new Ledger(key -> Optional.ofNullable(System.getProperty(key)))) {
            ledger.deposit(args[0], Long.parseLong(args[1]));
            System.out.println(args[0] + ": " + ledger.balance(args[0]) + " cents");
        }
    }
}
