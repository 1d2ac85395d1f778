package io.streamdingo.cli;

import io.streamdingo.cli.verify.Finding;
import io.streamdingo.cli.verify.StoreVerifier;
import io.streamdingo.cli.verify.VerifyReport;
import io.streamdingo.store.jpa.operator.StoreTables;
import io.streamdingo.store.jpa.operator.StreamSelection;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streamdingo verify}: checks every invariant of the store and lists what breaks one. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a store, or one category or stream, read-only: versions gapless per stream, global positions"
                    + " rising and unique, event ids unique, every hash chain intact, each stream's head row"
                    + " equal to its last event, no snapshot ahead of its stream, every snapshot's state hash.",
            "Lists each problem with its stream and version. Exit code 0: intact; 1: problems found; 2: could not"
                    + " run."
        })
final class VerifyCommand extends StoreCommand {

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads computing hash chains beside the one reading. Default: the cores less one, at"
                    + " least 1.")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    @Option(
            names = "--fetch-size",
            paramLabel = "ROWS",
            description = "Rows read per round trip to the database. Default: ${DEFAULT-VALUE}.")
    int fetchSize = 1_000;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || fetchSize < 1) {
            throw new CommandFailure("--threads and --fetch-size must be at least 1");
        }
        StoreAddress address = address();
        StreamSelection selection = scope.selection();
        PrintWriter out = out();
        PrintWriter err = err();
        String database;
        try (StoreTables tables = address.open(false)) {
            database = tables.database();
        }
        StoreVerifier verifier = new StoreVerifier(() -> address.open(false), threads, fetchSize);
        long total = verifier.countEvents(selection);
        VerifyReport report;
        try (Progress bar = Progress.start(progress.mode, err, "verify", total, "events")) {
            report = verifier.verify(selection, bar::advance);
        }
        for (Finding finding : report.findings()) {
            out.println(finding);
        }
        if (report.problems() > report.findings().size()) {
            out.println("… and " + (report.problems() - report.findings().size()) + " more problems");
        }
        printSummary(out, address, database, selection, report);
        return report.intact() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static void printSummary(
            PrintWriter out, StoreAddress address, String database, StreamSelection selection, VerifyReport report) {
        out.println();
        line(out, "store", address.shownUrl() + " (" + database + ")");
        line(out, "scope", selection.describe());
        line(out, "events checked", Table.number(report.events()));
        line(out, "streams checked", Table.number(report.streams()));
        line(out, "snapshots checked", Table.number(report.snapshots()));
        line(out, "problems", Table.number(report.problems()));
        line(
                out,
                "time",
                String.format(
                        java.util.Locale.ROOT,
                        "%.1f s (%s events/s)",
                        report.took().toMillis() / 1000.0,
                        Table.number(Math.round(report.eventsPerSecond()))));
        line(out, "result", report.intact() ? "INTACT" : "PROBLEMS FOUND");
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(String.format(java.util.Locale.ROOT, "%-18s %s", label, value));
    }
}
