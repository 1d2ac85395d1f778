package io.streamdingo.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code streamdingo} command: sub-commands for operators, each pointed at a store's database.
 *
 * <p>Every command prints its result on standard output and its progress and errors on standard error, and
 * exits with one of the {@link ExitCodes}. A failure is one line naming what went wrong and what to do; the
 * stack trace only with {@code --verbose}.
 */
@Command(
        name = "streamdingo",
        mixinStandardHelpOptions = true,
        versionProvider = StreamDingoCommand.Version.class,
        description = "Operator tools for a StreamDingo event store, pointed at its database.",
        subcommands = {
            VerifyCommand.class,
            StatsCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            RebuildCommand.class,
            ForgetCommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class
        },
        footer = {
            "",
            "Exit codes: 0 done (verify: intact), 1 problems found, 2 could not run.",
            "Run 'streamdingo help <command>' for a command's options."
        })
public final class StreamDingoCommand {

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "On a failure, print the stack trace too; show the libraries' warnings.")
    boolean verbose;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String... args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line in this JVM, printing to {@code out} and {@code err}.
     *
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // Hibernate and Flyway report their start-up at INFO; an operator wants the command's own output
        Logger.getLogger("").setLevel(verbose ? Level.WARNING : Level.SEVERE);
        CommandLine commandLine = new CommandLine(new StreamDingoCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            err.println("streamdingo " + command.getCommandName() + ": " + describe(failure));
            if (verbose) {
                failure.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.COULD_NOT_RUN;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** One line for the operator: the failure's own message where it was written for one. */
    static String describe(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return "the database refused: " + firstLine(sql.getMessage()) + " (SQL state " + sql.getSQLState() + ")";
        }
        if (failure instanceof OutOfMemoryError) {
            return "out of memory; give the JVM more with JAVA_OPTS=-Xmx1g";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName() + "; run again with --verbose for the stack trace";
        }
        return firstLine(message);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StreamDingoCommand.class.getPackage().getImplementationVersion();
            return new String[] {"streamdingo " + (version == null ? "(development build)" : version)};
        }
    }
}
