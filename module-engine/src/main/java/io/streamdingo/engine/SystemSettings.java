package io.streamdingo.engine;

import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration for code outside a container: MicroProfile Config when an implementation is on the path,
 * else system properties.
 */
final class SystemSettings {

    private SystemSettings() {}

    static Function<String, Optional<String>> lookup() {
        try {
            org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            return key -> config.getOptionalValue(key, String.class);
        } catch (LinkageError | IllegalStateException | java.util.ServiceConfigurationError e) {
            // no MicroProfile Config API or implementation here
            return key -> Optional.ofNullable(System.getProperty(key)).filter(value -> !value.isBlank());
        }
    }
}
