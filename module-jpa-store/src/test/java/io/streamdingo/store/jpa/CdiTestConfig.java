package io.streamdingo.store.jpa;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/** What the CDI tests share: configuration as a freshly started server sees it, and waiting for consumers. */
final class CdiTestConfig {

    private CdiTestConfig() {}

    /**
     * Sets configuration as system properties and drops the cached configuration, so that the next
     * container sees exactly these keys (as a freshly started server would).
     */
    static void configure(Map<String, String> properties) {
        properties.forEach(System::setProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    static void unconfigure(Map<String, String> properties) {
        properties.keySet().forEach(System::clearProperty);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    /** Waits up to {@code seconds} for what consumers do on their own threads; the assertions follow. */
    static void awaitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
