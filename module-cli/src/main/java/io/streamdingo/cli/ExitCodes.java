package io.streamdingo.cli;

/** What the {@code streamdingo} process returns, the same for every command. */
public final class ExitCodes {

    /** The command did its work; for {@code verify}, the store is intact. */
    public static final int OK = 0;

    /** The command ran and found problems: a damaged store, or an import file that must not be written. */
    public static final int PROBLEMS = 1;

    /** The command could not run: bad arguments, no connection, missing tables, unreadable file. */
    public static final int COULD_NOT_RUN = 2;

    private ExitCodes() {}
}
