package io.streamdingo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.streamdingo.cli.stats.ConsumerLag;
import io.streamdingo.cli.stats.StatisticsReader;
import io.streamdingo.cli.stats.StoreStatistics;
import io.streamdingo.store.jpa.operator.CategoryFigures;
import io.streamdingo.store.jpa.operator.DeadLetterFigures;
import io.streamdingo.store.jpa.operator.SnapshotFigures;
import io.streamdingo.store.jpa.operator.StoreTables;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streamdingo stats}: what a store holds, read-only. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Shows, read-only: each category's streams, events and size; snapshots per state type;"
                + " every consumer position with its lag; dead letters per subscription.")
final class StatsCommand extends StoreCommand {

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() throws Exception {
        StoreAddress address = address();
        StoreStatistics statistics;
        try (StoreTables tables = address.open(false)) {
            statistics = StatisticsReader.read(tables, scope.selection());
        }
        PrintWriter out = out();
        if (format == OutputFormat.JSON) {
            out.println(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(statistics));
        } else {
            printTables(out, statistics);
        }
        return ExitCodes.OK;
    }

    private static void printTables(PrintWriter out, StoreStatistics statistics) {
        out.println("Store: " + statistics.database());
        out.println();
        Table categories = new Table("category", "streams", "events", "size");
        for (CategoryFigures category : statistics.categories()) {
            categories.row(
                    category.category(),
                    Table.number(category.streams()),
                    Table.number(category.events()),
                    size(category.bytes()));
        }
        categories.row(
                "total",
                Table.number(statistics.streams()),
                Table.number(statistics.events()),
                size(statistics.bytes()));
        categories.print(out);
        out.println();
        Table snapshots = new Table("snapshots of", "streams", "snapshots", "size");
        for (SnapshotFigures type : statistics.snapshots()) {
            snapshots.row(
                    type.stateType(), Table.number(type.streams()), Table.number(type.snapshots()), size(type.bytes()));
        }
        snapshots.print(out);
        out.println();
        Table consumers = new Table("subscription", "consumer", "category", "position", "lag", "updated");
        for (ConsumerLag consumer : statistics.consumers()) {
            consumers.row(
                    consumer.subscription(),
                    consumer.consumer(),
                    consumer.category() == null ? "?" : consumer.category(),
                    Long.toString(consumer.position()),
                    consumer.lag() == null ? "?" : Table.number(consumer.lag()),
                    consumer.updatedAt());
        }
        consumers.print(out);
        out.println();
        Table letters = new Table("dead letters of", "count", "oldest");
        for (DeadLetterFigures subscription : statistics.deadLetters()) {
            letters.row(subscription.subscription(), Table.number(subscription.count()), subscription.oldest());
        }
        letters.print(out);
    }

    /** Bytes in B, KiB, MiB or GiB with one decimal. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
