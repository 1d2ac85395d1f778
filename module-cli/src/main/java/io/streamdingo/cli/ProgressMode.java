package io.streamdingo.cli;

/** How a long command shows its progress on standard error. */
enum ProgressMode {
    /** A bar on a terminal, plain lines otherwise. */
    AUTO,
    /** A bar redrawn in place, with speed and time left: for a terminal. */
    BAR,
    /** A plain line every second: for logs and pipes. */
    LINES,
    /** Nothing. */
    NONE;

    /** AUTO resolved for this process: a bar when the JVM has a terminal. */
    ProgressMode resolved() {
        if (this != AUTO) {
            return this;
        }
        return System.console() != null ? BAR : LINES;
    }
}
