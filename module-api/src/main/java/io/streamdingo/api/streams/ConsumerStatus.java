package io.streamdingo.api.streams;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one running consumer of an application is doing: the consumer that serves a subscription's
 * {@link Subscribe} methods. Health checks and the management API read it from {@link RunningConsumers}.
 *
 * @param subscription the subscription it serves
 * @param consumerId its consumer id
 * @param methods the bean methods it dispatches to, as {@code Class.method}
 * @param state whether it is consuming, failing (and retrying) or stopped
 * @param lastProgress when it last settled a delivery or found nothing to do (its start until then)
 * @param failingSince when the current run of failures began; {@code null} unless {@link State#FAILING}
 * @param consecutiveFailures failures since the last success; 0 unless failing
 * @param lastError the last failure's type and message (never an event payload); {@code null} if none yet
 */
public record ConsumerStatus(
        String subscription,
        String consumerId,
        List<String> methods,
        State state,
        Instant lastProgress,
        @Nullable Instant failingSince,
        int consecutiveFailures,
        @Nullable String lastError) {

    /** Where a consumer is. */
    public enum State {
        /** Polling and dispatching. */
        RUNNING,
        /** Its last attempts failed (database or broker unreachable, a transaction that cannot commit); it backs off and retries. */
        FAILING,
        /** Stopped with the application. */
        STOPPED
    }

    /** Checks the values. */
    public ConsumerStatus {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(consumerId, "consumerId");
        methods = List.copyOf(methods);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastProgress, "lastProgress");
    }
}
