package io.streamdingo.cli;

/** How a report is printed. */
enum OutputFormat {
    /** Aligned text tables, for people. */
    TABLE,
    /** One JSON document, for scripts. */
    JSON
}
