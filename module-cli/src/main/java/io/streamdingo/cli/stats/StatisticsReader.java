package io.streamdingo.cli.stats;

import io.streamdingo.api.spi.OffsetStore;
import io.streamdingo.store.jpa.operator.CategoryFigures;
import io.streamdingo.store.jpa.operator.ConsumerPosition;
import io.streamdingo.store.jpa.operator.StoreTables;
import io.streamdingo.store.jpa.operator.StreamSelection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gathers {@link StoreStatistics} over one connection. */
public final class StatisticsReader {

    private StatisticsReader() {}

    /** Reads the statistics of {@code selection} (consumers and dead letters are always the whole store's). */
    public static StoreStatistics read(StoreTables tables, StreamSelection selection) throws SQLException {
        List<CategoryFigures> categories = tables.categories(selection);
        long streams = 0;
        long events = 0;
        long bytes = 0;
        for (CategoryFigures category : categories) {
            streams += category.streams();
            events += category.events();
            bytes += category.bytes();
        }
        List<ConsumerLag> consumers = new ArrayList<>();
        for (ConsumerPosition position : tables.positions()) {
            Optional<String> category = position.subscription().equals(OffsetStore.RELAY)
                    ? Optional.of(position.consumerKey())
                    : position.position() > 0 ? tables.categoryAt(position.position()) : Optional.empty();
            Long lag = category.isPresent() ? tables.countAfter(category.get(), position.position()) : null;
            consumers.add(new ConsumerLag(
                    position.subscription(),
                    position.consumerKey(),
                    category.orElse(null),
                    position.position(),
                    lag,
                    position.updatedAt()));
        }
        return new StoreStatistics(
                tables.database(),
                streams,
                events,
                bytes,
                categories,
                tables.snapshotTypes(selection),
                consumers,
                tables.deadLetters());
    }
}
