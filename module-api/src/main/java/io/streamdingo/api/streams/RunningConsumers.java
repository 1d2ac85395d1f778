package io.streamdingo.api.streams;

import java.util.List;

/**
 * The consumers an application runs for its {@link Subscribe} methods, one per subscription, as a CDI bean:
 * inject it to see whether they make progress (health checks, the management API).
 */
public interface RunningConsumers {

    /** The status of each consumer, one per subscription that has {@code @Subscribe} methods. */
    List<ConsumerStatus> statuses();
}
