package io.streamdingo.cli;

import io.streamdingo.api.spi.EventStoreBackend;
import io.streamdingo.api.spi.EventStoreBackendProvider;
import io.streamdingo.cli.transfer.ImportCheck;
import io.streamdingo.cli.transfer.StoreImporter;
import io.streamdingo.cli.verify.Finding;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code streamdingo import}: reads an export file into a store, after checking all of it. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a file written by 'streamdingo export' (gzip or not) into the store, creating its tables if the"
                    + " database is empty.",
            "First checks the whole file, writing nothing: every version and hash chain, and that the store holds"
                    + " none of its streams (an import never overwrites). Exit code 1 with the problems listed if"
                    + " the check fails. Events keep their ids, versions, metadata and hashes; the store assigns"
                    + " new global positions, stream by stream."
        })
final class ImportCommand extends StoreCommand {

    @Parameters(paramLabel = "FILE", description = "The export file.")
    Path file;

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Override
    public Integer call() throws Exception {
        StoreAddress address = address();
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("cannot read " + file + ": no such file");
        }
        PrintWriter out = out();
        PrintWriter err = err();
        address.requireReachable();
        try (EventStoreBackend target = openTarget(address)) {
            StoreImporter importer = new StoreImporter(target);
            ImportCheck check;
            // the check's progress is the file read so far: its event count is known only at the end
            try (Progress bar = Progress.start(progress.mode, err, "check", Files.size(file), "MiB", 1 << 20)) {
                check = importer.check(() -> open(bar));
            }
            if (!check.importable()) {
                for (Finding problem : check.problems()) {
                    out.println(problem);
                }
                if (check.moreProblems() > 0) {
                    out.println("… and " + check.moreProblems() + " more problems");
                }
                out.println("nothing imported: " + Table.number(check.problems().size() + check.moreProblems())
                        + " problems in " + file);
                return ExitCodes.PROBLEMS;
            }
            long written;
            try (Progress bar = Progress.start(progress.mode, err, "import", check.events(), "events")) {
                written = importer.write(() -> open(null), bar::advance);
            }
            out.println("imported " + Table.number(written) + " events in " + Table.number(check.streams())
                    + " streams into " + address.shownUrl());
        }
        return ExitCodes.OK;
    }

    /** The file from its start, unzipped if it is gzip; {@code progress} is told the bytes read from disk. */
    private BufferedReader open(@Nullable Progress progress) throws IOException {
        InputStream in;
        try {
            InputStream raw = Files.newInputStream(file);
            if (progress != null) {
                raw = new ProgressInputStream(raw, progress);
            }
            in = new BufferedInputStream(raw, 1 << 16);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("cannot read " + file + ": no such file", e);
        }
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gzip) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The JPA store at {@code address} through its provider, with its schema created or brought up to date. */
    private static EventStoreBackend openTarget(StoreAddress address) {
        Map<String, String> settings = Map.of(
                StoreOptions.URL_KEY,
                address.url(),
                StoreOptions.USER_KEY,
                address.user(),
                StoreOptions.PASSWORD_KEY,
                address.password(),
                "streamdingo.store.jpa.pool-size",
                "2");
        for (EventStoreBackendProvider provider : ServiceLoader.load(EventStoreBackendProvider.class)) {
            Optional<EventStoreBackend> backend = provider.open(key -> Optional.ofNullable(settings.get(key)));
            if (backend.isPresent()) {
                return backend.get();
            }
        }
        throw new IllegalStateException(
                "the JPA store is not on the class path: the launcher's lib folder is" + " incomplete; rebuild it");
    }
}
