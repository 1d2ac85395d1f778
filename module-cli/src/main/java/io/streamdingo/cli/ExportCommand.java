package io.streamdingo.cli;

import io.streamdingo.cli.transfer.StoreExporter;
import io.streamdingo.store.jpa.operator.StoreTables;
import io.streamdingo.store.jpa.operator.StreamSelection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code streamdingo export}: writes streams as JSON lines, read-only. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes all streams, a category or one stream as JSON lines, read-only: a stream line (its head), then"
                    + " one line per event with every field the store keeps (ids, versions, metadata, payload,"
                    + " hash).",
            "'streamdingo import' reads the file into another store."
        })
final class ExportCommand extends StoreCommand {

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write; standard output when not given. A name ending in .gz is compressed.")
    @Nullable
    Path output;

    @Option(names = "--gzip", description = "Compress with gzip (also to standard output).")
    boolean gzip;

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Override
    public Integer call() throws Exception {
        StoreAddress address = address();
        StreamSelection selection = scope.selection();
        PrintWriter err = err();
        try (StoreTables tables = address.open(false)) {
            long total = tables.countEvents(selection);
            long written;
            try (Writer out = open();
                    Progress bar = Progress.start(
                            output == null ? ProgressMode.NONE : progress.mode, err, "export", total, "events")) {
                written = StoreExporter.export(tables, selection, 1_000, out, bar::advance);
            }
            if (output != null) {
                out().println("exported " + Table.number(written) + " events of " + selection.describe() + " to "
                        + output);
            }
        }
        return ExitCodes.OK;
    }

    private Writer open() throws IOException {
        boolean compress =
                gzip || (output != null && output.getFileName().toString().endsWith(".gz"));
        OutputStream stream;
        if (output == null) {
            stream = new java.io.FilterOutputStream(System.out) {
                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open
                }
            };
        } else {
            try {
                stream = Files.newOutputStream(output);
            } catch (IOException e) {
                throw new CommandFailure("cannot write " + output + ": " + e.getMessage(), e);
            }
        }
        if (compress) {
            stream = new GZIPOutputStream(stream, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }
}
