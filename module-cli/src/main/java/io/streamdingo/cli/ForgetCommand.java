package io.streamdingo.cli;

import io.streamdingo.api.spi.SubjectKeyStore;
import io.streamdingo.store.jpa.operator.StoreTables;
import java.io.Console;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code streamdingo forget}: deletes a data subject's key, so that its personal data reads as redacted. */
@Command(
        name = "forget",
        mixinStandardHelpOptions = true,
        description = {
            "Forgets a data subject (crypto-shredding): deletes its key, so that the personal data of its events"
                    + " reads as redacted for good, in every application over this database. The events, their"
                    + " other fields and the hash chain stay; 'streamdingo verify' still passes.",
            "Cannot be undone: asks for confirmation on a terminal; elsewhere give --yes."
        })
final class ForgetCommand extends StoreCommand {

    @Parameters(paramLabel = "SUBJECT", description = "The data subject's id, as its events name it.")
    String subject;

    @Option(names = "--yes", description = "Forget without asking.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        try {
            SubjectKeyStore.requireValidSubject(subject);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        if (!yes && !confirmed()) {
            return ExitCodes.COULD_NOT_RUN;
        }
        boolean had;
        try (StoreTables tables = address().open(false)) {
            had = tables.forgetSubject(subject);
        }
        out().println(
                        had
                                ? "forgot data subject " + subject
                                        + ": its key is deleted, and its personal data reads as redacted from now on"
                                : "data subject " + subject + " has no key: nothing of it can be read");
        return ExitCodes.OK;
    }

    private boolean confirmed() {
        Console console = System.console();
        if (console == null) {
            throw new CommandFailure("forgetting data subject " + subject + " cannot be undone; add --yes to confirm");
        }
        String answer = console.readLine("Forget data subject %s for good? [y/N] ", subject);
        if (answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            return true;
        }
        err().println("streamdingo forget: not confirmed; nothing was changed");
        return false;
    }
}
