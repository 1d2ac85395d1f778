package io.streamdingo.management.http;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management API's MicroProfile Config keys, read once at start-up and checked: a bad value fails the
 * deployment with a message naming the key.
 *
 * @param enabled {@code streamdingo.management.enabled} (default true): whether the API is served at all
 * @param dashboard {@code streamdingo.management.dashboard.enabled} (default true): whether the admin dashboard is
 *     served under {@code {root}/} (only when the API is)
 * @param root {@code streamdingo.management.root} (default {@code /streamdingo}): the API is served under
 *     {@code {root}/api}
 * @param maxFeedClients {@code streamdingo.management.feed.max-clients} (default 50): live feeds served at once
 * @param feedPollInterval {@code streamdingo.management.feed.poll-interval} (default PT0.25S): how often a feed
 *     looks for new events
 * @param feed {@code streamdingo.management.feed.slow-client-timeout} (default PT30S): a client that takes
 *     nothing for that long is dropped; {@code streamdingo.management.feed.keep-alive} (default PT15S): an idle
 *     feed sends a comment that often; {@code streamdingo.management.feed.batch} (default 500): most events
 *     sent per round
 */
record ManagementSettings(
        boolean enabled,
        boolean dashboard,
        String root,
        int maxFeedClients,
        Duration feedPollInterval,
        LiveFeed.Settings feed) {

    static ManagementSettings fromConfig() {
        Config config;
        try {
            config = ConfigProvider.getConfig(ManagementSettings.class.getClassLoader());
        } catch (RuntimeException | NoClassDefFoundError e) {
            return of(key -> Optional.empty());
        }
        return of(key -> config.getOptionalValue(key, String.class));
    }

    /** The settings from {@code values} (a key's value, if set). */
    static ManagementSettings of(Function<String, Optional<String>> values) {
        String root = values.apply("streamdingo.management.root")
                .orElse("/streamdingo")
                .trim();
        if (!root.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("streamdingo.management.root must be a path such as /streamdingo or"
                    + " /ops/streamdingo (letters, digits, . _ ~ -, no trailing /); got '" + root + "'");
        }
        return new ManagementSettings(
                Boolean.parseBoolean(values.apply("streamdingo.management.enabled")
                        .orElse("true")
                        .trim()),
                Boolean.parseBoolean(values.apply("streamdingo.management.dashboard.enabled")
                        .orElse("true")
                        .trim()),
                root,
                positiveInt(values, "streamdingo.management.feed.max-clients", 50),
                duration(values, "streamdingo.management.feed.poll-interval", "PT0.25S"),
                new LiveFeed.Settings(
                        positiveInt(values, "streamdingo.management.feed.batch", 500),
                        duration(values, "streamdingo.management.feed.slow-client-timeout", "PT30S"),
                        duration(values, "streamdingo.management.feed.keep-alive", "PT15S")));
    }

    private static int positiveInt(Function<String, Optional<String>> values, String key, int fallback) {
        String text = values.apply(key).orElse(String.valueOf(fallback)).trim();
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(key + " must be a whole number above 0; got '" + text + "'");
    }

    private static Duration duration(Function<String, Optional<String>> values, String key, String fallback) {
        String text = values.apply(key).orElse(fallback).trim();
        try {
            Duration value = Duration.parse(text);
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                key + " must be a positive ISO-8601 duration such as PT30S; got '" + text + "'");
    }
}
