package io.streamdingo.cli;

import picocli.CommandLine.Option;

/** The {@code --progress} option of the commands that can run long. */
final class ProgressOptions {

    @Option(
            names = "--progress",
            paramLabel = "MODE",
            description = "auto (a bar on a terminal, a line a second otherwise), bar, lines or none. Default:"
                    + " ${DEFAULT-VALUE}.")
    ProgressMode mode = ProgressMode.AUTO;
}
