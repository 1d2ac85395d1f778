/**
 * The {@code streamdingo} command line for operators: verify, stats, export, import and rebuild, pointed at a
 * store's database. Exports nothing: it is run, not called.
 */
module io.streamdingo.cli {
    requires io.streamdingo.api;
    requires io.streamdingo.hashing;
    requires io.streamdingo.store.jpa;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires java.sql;
    requires java.logging;
    requires static org.jspecify;

    // import opens the target through the JPA store's provider, which also creates its tables
    uses io.streamdingo.api.spi.EventStoreBackendProvider;

    // picocli reads the commands' annotations and sets their fields reflectively
    opens io.streamdingo.cli to
            info.picocli;
    // Jackson reads and writes the export lines and the stats report
    opens io.streamdingo.cli.transfer to
            com.fasterxml.jackson.databind;
    opens io.streamdingo.cli.stats to
            com.fasterxml.jackson.databind;
}
