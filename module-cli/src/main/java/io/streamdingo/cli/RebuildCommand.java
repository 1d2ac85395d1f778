package io.streamdingo.cli;

import io.streamdingo.store.jpa.operator.StoreTables;
import io.streamdingo.store.jpa.operator.StreamSelection;
import java.io.PrintWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streamdingo rebuild}: drops snapshots so that the next load replays from the events. */
@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes the snapshots of one state type (an aggregate or projection type) or of all types, in all"
                    + " streams, a category or one stream, in one transaction. The application's next load of"
                    + " each stream replays its events and takes fresh snapshots.",
            "Events are never touched. --dry-run shows what would go."
        })
final class RebuildCommand extends StoreCommand {

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @ArgGroup(multiplicity = "1")
    Types types = new Types();

    @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
    boolean dryRun;

    /** Which state types: exactly one of the two options. */
    static final class Types {
        @Option(
                names = "--type",
                paramLabel = "STATE-TYPE",
                description = "The state type, as stored with its" + " snapshots ('streamdingo stats' lists them).")
        @Nullable
        String type;

        @Option(names = "--all", description = "Every state type.")
        boolean all;
    }

    @Override
    public Integer call() throws Exception {
        StoreAddress address = address();
        StreamSelection selection = scope.selection();
        Map<String, Long> counts;
        try (StoreTables tables = address.open(!dryRun)) {
            counts = tables.deleteSnapshots(selection, types.all ? null : types.type, dryRun);
        }
        PrintWriter out = out();
        Table table = new Table("snapshots of", dryRun ? "would delete" : "deleted");
        long total = 0;
        for (Map.Entry<String, Long> type : counts.entrySet()) {
            table.row(type.getKey(), Table.number(type.getValue()));
            total += type.getValue();
        }
        table.row("total", Table.number(total));
        table.print(out);
        if (counts.isEmpty() && types.type != null) {
            out.println("no snapshots of " + types.type + " in " + selection.describe()
                    + "; 'streamdingo stats' lists the state types");
        }
        return ExitCodes.OK;
    }
}
