package io.streamdingo.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that point a command at a store's database: {@code --url} and {@code --user}, the password from
 * an environment variable or a prompt, or all of them from a properties file with the application's own
 * configuration keys. Options on the command line win over the file.
 */
final class StoreOptions {

    static final String URL_KEY = "streamdingo.store.jpa.url";
    static final String USER_KEY = "streamdingo.store.jpa.user";
    static final String PASSWORD_KEY = "streamdingo.store.jpa.password";

    @Option(
            names = "--url",
            paramLabel = "JDBC-URL",
            description = "The store's database: jdbc:postgresql://…, jdbc:mariadb://… or jdbc:h2:…")
    @Nullable
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "The database user.")
    @Nullable
    String user;

    @Option(
            names = "--password:env",
            paramLabel = "VARIABLE",
            description = "Read the password from this environment variable.")
    @Nullable
    String passwordVariable;

    @Option(
            names = "--password",
            interactive = true,
            arity = "0",
            description = "Ask for the password (never give it as an argument: others could see it).")
    char @Nullable [] password;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A properties file with " + URL_KEY + ", " + USER_KEY + " and " + PASSWORD_KEY
                    + " (the keys the application itself is configured with).")
    @Nullable
    Path config;

    /** The address these options give; {@code environment} resolves {@code --password:env}. */
    StoreAddress address(Map<String, String> environment) {
        Properties file = new Properties();
        if (config != null) {
            try (Reader reader = Files.newBufferedReader(config)) {
                file.load(reader);
            } catch (IOException e) {
                throw new CommandFailure("cannot read the configuration file " + config + ": " + e.getMessage(), e);
            }
        }
        String jdbcUrl = url != null ? url : file.getProperty(URL_KEY);
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new CommandFailure("no database given: use --url jdbc:… or --config FILE with " + URL_KEY);
        }
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new CommandFailure(
                    "'" + jdbcUrl + "' is not a JDBC URL; give one like" + " jdbc:postgresql://127.0.0.1:5432/events");
        }
        return new StoreAddress(
                jdbcUrl.strip(), user != null ? user : file.getProperty(USER_KEY, ""), password(file, environment));
    }

    private String password(Properties file, Map<String, String> environment) {
        if (password != null) {
            return new String(password);
        }
        if (passwordVariable != null) {
            String value = environment.get(passwordVariable);
            if (value == null) {
                throw new CommandFailure(
                        "--password:env names " + passwordVariable + ", which is not set in the environment");
            }
            return value;
        }
        return file.getProperty(PASSWORD_KEY, "");
    }
}
